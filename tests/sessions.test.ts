// Dashboard sessions the server can end (lib/auth/sessions.ts): the cookie's session row is
// required by the same statement that loads the user, so ending the row ends the cookie.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { actorFromRequest, loadSessionActor } from "@/lib/auth/actor";
import { endSession, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { createWorkspace, TEST_CLIENT } from "./fixtures";

afterEach(() => vi.restoreAllMocks());

async function signedInOwner() {
  const ws = await createWorkspace();
  const user = await db().user.findUniqueOrThrow({ where: { id: ws.owner.userId } });
  const sessionId = await startSession(user.id, "id-token-of-the-provider");
  const actor = () => loadSessionActor(sessionId, user.oidcSubject, TEST_CLIENT);
  return { ws, user, sessionId, actor };
}

describe("a stored session", () => {
  it("gives the user and their workspace while it lives", async () => {
    const { ws, actor } = await signedInOwner();
    expect(await actor()).toMatchObject({
      kind: "user",
      via: "session",
      userId: ws.owner.userId,
      workspace: { id: ws.workspace.id, role: "OWNER" },
    });
  });

  it("ends when it is ended, returning the ID token for the provider's logout; ending it twice is harmless", async () => {
    const { sessionId, actor } = await signedInOwner();
    const ended = await endSession(sessionId);
    expect({ ended, again: await endSession(sessionId), actor: await actor() }).toEqual({
      ended: { idToken: "id-token-of-the-provider" },
      again: null,
      actor: { kind: "anonymous", reason: "invalid", client: TEST_CLIENT },
    });
  });

  it("ends when it expires, however often the cookie was renewed", async () => {
    const { sessionId, actor } = await signedInOwner();
    await db().session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await actor()).kind).toBe("anonymous");
  });

  it("ends, with every other session of the person, when their account is deleted", async () => {
    const { user, actor } = await signedInOwner();
    await startSession(user.id, null);
    await db().apiKey.deleteMany({ where: { createdById: user.id } });
    await db().user.delete({ where: { id: user.id } });
    expect({ rows: await db().session.count({ where: { userId: user.id } }), actor: (await actor()).kind }).toEqual({
      rows: 0,
      actor: "anonymous",
    });
  });

  it("is refused with another person's subject", async () => {
    const { ws, sessionId } = await signedInOwner();
    const member = await db().user.findUniqueOrThrow({ where: { id: ws.member.userId } });
    expect((await loadSessionActor(sessionId, member.oidcSubject, TEST_CLIENT)).kind).toBe("anonymous");
  });

  it("is one sign-in among several: ending one leaves the others", async () => {
    const { user, actor } = await signedInOwner();
    const other = await startSession(user.id, null);
    await endSession(other);
    expect((await actor()).kind).toBe("user");
  });

  it("removes the person's expired sessions when they sign in again", async () => {
    const { user, sessionId } = await signedInOwner();
    await db().session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await startSession(user.id, null);
    expect(await db().session.count({ where: { id: sessionId } })).toBe(0);
  });
});

describe("API keys", () => {
  it("never look sessions up", async () => {
    const { ws } = await signedInOwner();
    const { secret } = await createApiKey(ws.owner, { description: "no sessions" });
    const query = vi.spyOn(pool(), "query");
    const actor = await actorFromRequest(
      new Request("http://localhost/api/v1/workspaces/current/tasks", { headers: { authorization: `Bearer ${secret}` } }),
    );
    const statements = query.mock.calls.map(([config]) => (typeof config === "string" ? config : (config as { text: string }).text));
    expect({ kind: actor.kind, statements: statements.length, sessions: statements.filter((text) => /sessions/i.test(text)) }).toEqual({
      kind: "apiKey",
      statements: 1,
      sessions: [],
    });
  });
});
