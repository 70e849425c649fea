// Several workspaces per person, what `current` means, keys that outlive their creators, and
// writes made with a key racing its revocation.
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { getApiKey } from "@/lib/api-keys/get";
import { holdKeyWhileWriting } from "@/lib/api-keys/hold";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { loadUserActor, type ApiKeyActor, type UserActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { createTask } from "@/lib/tasks/create";
import { listWorkspaces } from "@/lib/workspaces/list";
import { selectWorkspace } from "@/lib/workspaces/select";
import { createWorkspace, TEST_CLIENT } from "./fixtures";
import { outcome } from "./helpers/outcome";

/** The same person, as the next request would see them (role and workspace re-read). */
const again = async (user: UserActor) => {
  const { oidcSubject } = await db().user.findUniqueOrThrow({ where: { id: user.userId } });
  return (await loadUserActor(oidcSubject, "session", TEST_CLIENT)) as UserActor;
};

/** The actor of a request with the key, to a route that needs `needed` (a key permission). */
async function keyActor(secret: string, needed: string | null = null): Promise<ApiKeyActor> {
  const result = await authenticateApiKey(secret, TEST_CLIENT, needed);
  if (result.outcome !== "accepted") throw new Error(result.outcome);
  return {
    kind: "apiKey",
    client: TEST_CLIENT,
    keyId: result.keyId,
    permissions: result.permissions,
    rateLimit: result.rateLimit,
    workspace: result.workspace,
  };
}

describe("current workspace", () => {
  it("is the oldest membership by default, the selected one after a switch, and lists the role in each", async () => {
    const a = await createWorkspace();
    const b = await createWorkspace();
    await db().membership.create({ data: { workspaceId: b.workspace.id, userId: a.owner.userId, role: "MEMBER" } });
    const before = await listWorkspaces(await again(a.owner));
    const selected = await selectWorkspace(await again(a.owner), { workspaceId: b.workspace.id });
    const after = await again(a.owner);
    expect({
      before: before.data.map((w) => [w.slug, w.role, w.current]),
      selected: [selected.slug, selected.role, selected.current],
      currentAfter: [after.workspace?.id, after.workspace?.role],
    }).toEqual({
      before: [
        [a.workspace.slug, "OWNER", true],
        [b.workspace.slug, "MEMBER", false],
      ],
      selected: [b.workspace.slug, "MEMBER", true],
      currentAfter: [b.workspace.id, "MEMBER"],
    });
  });

  it("cannot be a workspace the person is not in (404), and an API key cannot select (403) but sees its own", async () => {
    const a = await createWorkspace();
    const b = await createWorkspace();
    const key = await createApiKey(a.owner, { description: "workspace list" });
    const actor = await keyActor(key.secret);
    expect({
      notMember: await outcome(() => selectWorkspace(a.owner, { workspaceId: b.workspace.id })),
      malformed: await outcome(() => selectWorkspace(a.owner, { workspaceId: "%00" })),
      missing: await outcome(() => selectWorkspace(a.owner, {})),
      apiKey: await outcome(() => selectWorkspace(actor, { workspaceId: a.workspace.id })),
      apiKeyList: (await listWorkspaces(actor)).data,
    }).toEqual({
      notMember: "not_found",
      malformed: "not_found",
      missing: "invalid_input",
      apiKey: "forbidden",
      apiKeyList: [{ id: a.workspace.id, name: a.workspace.name, slug: a.workspace.slug, role: null, current: true }],
    });
  });

  it("falls back to the oldest membership when the person leaves the selected workspace", async () => {
    const a = await createWorkspace();
    const b = await createWorkspace();
    await db().membership.create({ data: { workspaceId: b.workspace.id, userId: a.admin.userId, role: "ADMIN" } });
    await selectWorkspace(await again(a.admin), { workspaceId: b.workspace.id });
    await db().membership.deleteMany({ where: { workspaceId: b.workspace.id, userId: a.admin.userId } });
    expect((await again(a.admin)).workspace?.id).toBe(a.workspace.id);
  });
});

describe("keys outlive their creators", () => {
  it("when the creator leaves the workspace, the key works and says who created it", async () => {
    const a = await createWorkspace();
    const key = await createApiKey(a.admin, { description: "outlives membership" });
    await db().membership.deleteMany({ where: { userId: a.admin.userId } });
    expect({
      works: (await authenticateApiKey(key.secret, TEST_CLIENT)).outcome,
      createdBy: (await getApiKey(a.member, { keyId: key.id })).createdBy,
    }).toEqual({ works: "accepted", createdBy: { id: a.admin.userId, name: a.admin.name, email: a.admin.email, isMember: false } });
  });

  it("when the creator's account is deleted, the key keeps working, its history and their name and email", async () => {
    const a = await createWorkspace();
    const key = await createApiKey(a.admin, { description: "outlives account" });
    await revokeApiKey(a.admin, { keyId: (await createApiKey(a.admin, { description: "revoked by them" })).id });
    await db().user.delete({ where: { id: a.admin.userId } });
    const events = await db().auditEvent.findMany({ where: { targetId: key.id } });
    expect({
      works: (await authenticateApiKey(key.secret, TEST_CLIENT)).outcome,
      createdBy: (await getApiKey(a.owner, { keyId: key.id })).createdBy,
      history: events.map((e) => [e.action, e.actorName]),
    }).toEqual({
      works: "accepted",
      createdBy: { id: a.admin.userId, name: a.admin.name, email: a.admin.email, isMember: false },
      history: [["api_key.created", a.admin.name]],
    });
  });
});

describe("writes made with a key, racing its revocation", () => {
  it("a revoke waiting for a write in flight goes before the writes that start after it (a stream of writes cannot starve it)", async () => {
    const a = await createWorkspace();
    const key = await createApiKey(a.owner, { description: "queued" });
    const scope = authorize(await keyActor(key.secret, "tasks:write"), "tasks.write");
    const order: string[] = [];
    let finishFirst!: () => void;
    const first = db().$transaction(async (tx) => {
      await holdKeyWhileWriting(tx, scope);
      await new Promise<void>((resolve) => (finishFirst = resolve));
      order.push("first write commits");
    });
    await sleep(200);
    const revoke = revokeApiKey(a.owner, { keyId: key.id }).then(() => order.push("revoke answers"));
    await sleep(200);
    const second = db()
      .$transaction((tx) => holdKeyWhileWriting(tx, scope))
      .then(
        () => order.push("second write held the key"),
        () => order.push("second write refused"),
      );
    await sleep(200);
    finishFirst();
    await Promise.all([first, revoke, second]);
    // The second write is refused: it waited behind the revoke and found the key revoked. (Which
    // answer reaches this client first, the revoke's commit or that refusal, is not ordered.)
    expect({ first: order[0], then: order.slice(1).sort() }).toEqual({
      first: "first write commits",
      then: ["revoke answers", "second write refused"],
    });
  });

  it("no write commits after the revoke has answered", async () => {
    const a = await createWorkspace();
    const key = await createApiKey(a.owner, { description: "writer" });
    const actor = await keyActor(key.secret, "tasks:write");
    let revoked = false;
    const writer = async () => {
      while (!revoked) await createTask(actor, { title: "write" }).catch(() => undefined);
      await createTask(actor, { title: "late write" }).catch(() => undefined);
    };
    const writers = Array.from({ length: 8 }, writer); // the pool has 10 connections: leave the revoke one
    await sleep(150);
    await revokeApiKey(a.owner, { keyId: key.id });
    const atRevoke = await db().task.count({ where: { createdByKeyId: key.id } });
    revoked = true;
    await Promise.all(writers);
    expect({
      wroteBefore: atRevoke > 0,
      afterRevoke: (await db().task.count({ where: { createdByKeyId: key.id } })) - atRevoke,
      lateWriteRefused: await outcome(() => createTask(actor, { title: "after" })),
    }).toEqual({ wroteBefore: true, afterRevoke: 0, lateWriteRefused: "unauthenticated" });
  });
});
