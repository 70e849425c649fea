// Permissions per key, against the real database: what is stored for each input, what each
// operation needs and what a key without it gets, that a refused request does not use up the
// workspace's limit, the usage counts by permission, the suggestion from a key's own traffic, and
// changes (PATCH) applying from the next request, including while requests are in flight.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { keyPermissionFor } from "@/lib/api-keys/permissions";
import { updateApiKey } from "@/lib/api-keys/update";
import { actorFromRequest, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import { createTask } from "@/lib/tasks/create";
import { getTask } from "@/lib/tasks/get";
import { listTasks } from "@/lib/tasks/list";
import { updateTask } from "@/lib/tasks/update";
import { flushUsage } from "@/lib/usage/counter";
import { getApiKeyUsage, getWorkspaceUsage } from "@/lib/usage/get";
import { getApiKeyInsights } from "@/lib/usage/insights";
import { getMe } from "@/lib/workspaces/me";
import { createWorkspace } from "./fixtures";
import { outcome } from "./helpers/outcome";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
let taskId: string;
/** A fresh workspace (and a task) for each group: room under the 20-key cap, and a limit only the limit test reaches. */
async function freshWorkspace() {
  ws = await createWorkspace();
  await db().workspace.update({ where: { id: ws.workspace.id }, data: { rateLimitBurst: 100_000, rateLimitQuota: 100_000 } });
  taskId = (await createTask(ws.owner, { title: "existing" })).id;
}

/** The actor of a REST request with `secret` to a route that checks `permission` (as lib/http/route.ts builds it). */
const requestAs = (secret: string, permission: Permission | null) =>
  actorFromRequest(
    new Request("http://localhost/api/v1", { headers: { Authorization: `Bearer ${secret}`, "X-Forwarded-For": "198.51.100.40" } }),
    "current",
    permission ? keyPermissionFor(permission) : null,
  );

/** Each task operation as its route calls it: the permission it declares, then the operation. */
const OPERATIONS: Record<string, { permission: Permission; run: (actor: Actor) => Promise<unknown> }> = {
  list: { permission: "tasks.read", run: (actor) => listTasks(actor, {}) },
  get: { permission: "tasks.read", run: (actor) => getTask(actor, { taskId }) },
  create: { permission: "tasks.write", run: (actor) => createTask(actor, { title: "by key" }) },
  update: { permission: "tasks.write", run: (actor) => updateTask(actor, { taskId, changes: { done: false } }) },
};

async function call(secret: string, operation: keyof typeof OPERATIONS): Promise<string> {
  const { permission, run } = OPERATIONS[operation]!;
  const actor = await requestAs(secret, permission);
  if (actor.kind === "apiKey" && actor.rateLimit && !actor.rateLimit.allowed) return "rate_limited";
  return outcome(() => run(actor));
}

describe("what is stored", () => {
  beforeAll(freshWorkspace);

  it.each([
    ["absent: full access", undefined, null],
    ["null: full access", null, null],
    ["read", ["tasks:read"], ["tasks:read"]],
    ["write", ["tasks:write"], ["tasks:write"]],
    ["read and write: write (it includes reading)", ["tasks:read", "tasks:write"], ["tasks:write"]],
    ["an id given twice counts once", ["tasks:read", "tasks:read"], ["tasks:read"]],
  ])("%s", async (_name, permissions, stored) => {
    const key = await createApiKey(ws.owner, { description: "stored", ...(permissions === undefined ? {} : { permissions }) });
    expect(key.permissions).toEqual(stored);
  });

  it.each([
    ["an unknown id", ["tasks:delete"]],
    ["an empty list", []],
    ["not a list", "tasks:read"],
    ["a list with a number", [1]],
  ])("%s is refused naming permissions, at creation and in a change", async (_name, permissions) => {
    const key = await createApiKey(ws.owner, { description: "unchanged" });
    const refusal = (run: () => Promise<unknown>) =>
      run().then(
        () => "ok",
        (error: AppError) => Object.keys(error.fields ?? {}),
      );
    expect({
      create: await refusal(() => createApiKey(ws.owner, { description: "bad", permissions: permissions as never })),
      update: await refusal(() => updateApiKey(ws.owner, { keyId: key.id, changes: { permissions } })),
    }).toEqual({ create: ["permissions"], update: ["permissions"] });
  });
});

describe("enforced per operation", () => {
  beforeAll(freshWorkspace);

  const cases: Array<[string, string[] | null, Record<keyof typeof OPERATIONS, string>]> = [
    ["full access", null, { list: "ok", get: "ok", create: "ok", update: "ok" }],
    ["tasks:write", ["tasks:write"], { list: "ok", get: "ok", create: "ok", update: "ok" }],
    ["tasks:read", ["tasks:read"], { list: "ok", get: "ok", create: "forbidden", update: "forbidden" }],
  ];
  it.each(cases)("a key with %s", async (_name, permissions, expected) => {
    const { secret } = await createApiKey(ws.owner, { description: "enforced", permissions });
    const results: Record<string, string> = {};
    for (const operation of Object.keys(OPERATIONS)) results[operation] = await call(secret, operation);
    expect(results).toEqual(expected);
  });

  it("the 403 names the missing permission in its message, body field and header", async () => {
    const { secret } = await createApiKey(ws.owner, { description: "reader", permissions: ["tasks:read"] });
    const error = (await createTask(await requestAs(secret, "tasks.write"), { title: "no" }).catch((e: unknown) => e)) as AppError;
    expect({ message: error.message, missing: error.missingPermission, headers: error.headers }).toEqual({
      message:
        "This API key cannot change tasks: it lacks the tasks:write permission. A workspace owner or admin can grant it on the key's page.",
      missing: "tasks:write",
      headers: { "X-Accepted-Permissions": "tasks:write" },
    });
  });

  it("a refused request does not use up the limit, and is refused with 403 even when the limit is spent", async () => {
    const fresh = await createWorkspace();
    await db().workspace.update({ where: { id: fresh.workspace.id }, data: { rateLimitBurst: 3 } });
    const { secret } = await createApiKey(fresh.owner, { description: "reader", permissions: ["tasks:read"] });
    const refusedFirst = [];
    for (let i = 0; i < 5; i++) refusedFirst.push(await call(secret, "create"));
    const reads = [];
    for (let i = 0; i < 4; i++) reads.push(await call(secret, "list"));
    expect({ refusedFirst, reads, refusedWhenSpent: await call(secret, "create") }).toEqual({
      refusedFirst: Array(5).fill("forbidden"),
      reads: ["ok", "ok", "ok", "rate_limited"],
      refusedWhenSpent: "forbidden",
    });
  });
});

describe("usage by permission", () => {
  beforeAll(freshWorkspace);

  it("counts served requests by the permission they needed, and refused ones as forbidden", async () => {
    const writer = await createApiKey(ws.owner, { description: "writer" });
    const reader = await createApiKey(ws.owner, { description: "reader", permissions: ["tasks:read"] });
    for (const operation of ["list", "get", "create", "update", "create"]) await call(writer.secret, operation);
    for (const operation of ["list", "create", "update"]) await call(reader.secret, operation);
    await requestAs(writer.secret, null); // GET /me: needs no permission
    await flushUsage();
    const totals = async (keyId: string) => (await getApiKeyUsage(ws.member, { keyId, query: { range: "24h" } })).totals;
    expect({ writer: await totals(writer.id), reader: await totals(reader.id) }).toEqual({
      writer: {
        ok: 6,
        rateLimited: 0,
        denied: 0,
        forbidden: 0,
        blockedNetwork: 0,
        outsideNetwork: 0,
        byPermission: { "tasks:read": 2, "tasks:write": 3 },
      },
      reader: { ok: 1, rateLimited: 0, denied: 0, forbidden: 2, blockedNetwork: 0, outsideNetwork: 0, byPermission: { "tasks:read": 1 } },
    });
  });

  it("the workspace's usage has every listed key, in list order, with the same buckets as each key's own", async () => {
    const fresh = await createWorkspace();
    const older = await createApiKey(fresh.owner, { description: "older" });
    const newer = await createApiKey(fresh.owner, { description: "newer" });
    await call(older.secret, "list").catch(() => undefined);
    await flushUsage();
    const all = await getWorkspaceUsage(fresh.member, { query: { range: "7d" } });
    const own = await getApiKeyUsage(fresh.member, { keyId: older.id, query: { range: "7d" } });
    expect({
      keys: all.data.map((entry) => entry.keyId),
      olderBuckets: all.data[1]!.buckets,
      olderTotals: all.data[1]!.totals,
    }).toEqual({ keys: [newer.id, older.id], olderBuckets: own.buckets, olderTotals: own.totals });
  });
});

describe("insights: what a key used over 30 days, and the suggestion", () => {
  beforeAll(freshWorkspace);

  async function insightsAfter(permissions: string[] | null, operations: string[]) {
    const key = await createApiKey(ws.owner, { description: "insights", permissions });
    for (const operation of operations) await call(key.secret, operation);
    await flushUsage();
    return (await getApiKeyInsights(ws.member, { keyId: key.id })).permissions;
  }

  it.each([
    [
      "full access, only read",
      null,
      ["list", "get"],
      { granted: ["tasks:write"], used: ["tasks:read"], unused: ["tasks:write"], suggested: ["tasks:read"] },
    ],
    ["full access, no traffic", null, [], { granted: ["tasks:write"], used: [], unused: ["tasks:write"], suggested: null }],
    [
      "full access, read and wrote",
      null,
      ["list", "create"],
      { granted: ["tasks:write"], used: ["tasks:write"], unused: [], suggested: ["tasks:write"] },
    ],
    ["read only, read", ["tasks:read"], ["list"], { granted: ["tasks:read"], used: ["tasks:read"], unused: [], suggested: ["tasks:read"] }],
    [
      "read only, refused writes only",
      ["tasks:read"],
      ["create"],
      { granted: ["tasks:read"], used: [], unused: ["tasks:read"], suggested: null },
    ],
  ])("%s", async (_name, permissions, operations, expected) => {
    expect(await insightsAfter(permissions, operations)).toEqual(expected);
  });

  it("counts the window's served requests, and is for members of the key's workspace only", async () => {
    const key = await createApiKey(ws.owner, { description: "counted" });
    for (const operation of ["list", "list", "create"]) await call(key.secret, operation);
    await flushUsage();
    const other = await createWorkspace();
    const insights = await getApiKeyInsights(ws.member, { keyId: key.id });
    expect({
      windowDays: insights.windowDays,
      requests: insights.requests,
      lastUsed: insights.lastUsedAt !== null,
      otherWorkspace: await outcome(() => getApiKeyInsights(other.owner, { keyId: key.id })),
    }).toEqual({ windowDays: 30, requests: 3, lastUsed: true, otherWorkspace: "not_found" });
  });
});

describe("changing a key (PATCH)", () => {
  beforeAll(freshWorkspace);

  it("records each change from and to, and a change to nothing new records nothing", async () => {
    const key = await createApiKey(ws.owner, { description: "changed" });
    const expiresAt = new Date(Date.now() + 48 * 3_600_000).toISOString();
    const changed = await updateApiKey(ws.admin, { keyId: key.id, changes: { permissions: ["tasks:read", "tasks:read"], expiresAt } });
    await updateApiKey(ws.admin, { keyId: key.id, changes: { permissions: ["tasks:read"] } });
    const events = await db().auditEvent.findMany({ where: { targetId: key.id, action: "api_key.updated" } });
    expect({
      permissions: changed.permissions,
      expiresAt: changed.expiresAt,
      events: events.map((e) => (e.metadata as { changes: unknown }).changes),
    }).toEqual({
      permissions: ["tasks:read"],
      expiresAt,
      events: [{ permissions: { from: null, to: ["tasks:read"] }, expiresAt: { from: null, to: expiresAt } }],
    });
  });

  it.each([
    ["a member", () => ws.member, "forbidden"],
    ["an outsider", () => ws.outsider, "not_found"],
  ])("by %s is refused and changes nothing", async (_name, actor, expected) => {
    const key = await createApiKey(ws.owner, { description: "guarded" });
    expect({
      outcome: await outcome(() => updateApiKey(actor(), { keyId: key.id, changes: { permissions: ["tasks:read"] } })),
      stored: (await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).permissions,
    }).toEqual({ outcome: expected, stored: null });
  });

  it.each([
    ["no field", {}, "invalid_input", ["body"]],
    ["an expiry in the past", { expiresAt: "2020-01-01T00:00:00Z" }, "invalid_input", ["expiresAt"]],
  ])("%s is refused naming it", async (_name, changes, code, fields) => {
    const key = await createApiKey(ws.owner, { description: "bad change" });
    const error = (await updateApiKey(ws.owner, { keyId: key.id, changes }).catch((e: unknown) => e)) as AppError;
    expect({ code: error.code, fields: Object.keys(error.fields ?? {}) }).toEqual({ code, fields });
  });

  it("an expired key's expiry cannot move (409 key_expired) but its expiry can be removed before it passes", async () => {
    const expired = await createApiKey(ws.owner, { description: "expired", expiresAt: new Date(Date.now() + 2 * 3_600_000).toISOString() });
    await db().apiKey.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expiring = await createApiKey(ws.owner, {
      description: "expiring",
      expiresAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    });
    const error = (await updateApiKey(ws.owner, { keyId: expired.id, changes: { expiresAt: null } }).catch((e: unknown) => e)) as AppError;
    expect({
      expired: [error.code, error.reason],
      removed: (await updateApiKey(ws.owner, { keyId: expiring.id, changes: { expiresAt: null } })).expiresAt,
    }).toEqual({ expired: ["conflict", "key_expired"], removed: null });
  });

  it("applies from the next request: every request started after the change answered is judged by the new permissions", async () => {
    const key = await createApiKey(ws.owner, { description: "narrowed while busy" });
    let changed = false;
    const lateOutcomes: string[] = [];
    const worker = async () => {
      for (let i = 0; i < 40; i++) {
        const startedAfter = changed;
        const result = await call(key.secret, "create");
        if (startedAfter) lateOutcomes.push(result);
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await updateApiKey(ws.owner, { keyId: key.id, changes: { permissions: ["tasks:read"] } });
    changed = true;
    await Promise.all(workers);
    expect({ late: lateOutcomes.length > 0, allRefused: lateOutcomes.every((o) => o === "forbidden") }).toEqual({
      late: true,
      allRefused: true,
    });
  });
});

describe("GET /me", () => {
  beforeAll(freshWorkspace);

  it("a key sees its workspace and its own key object; a person sees themselves and their current workspace", async () => {
    const key = await createApiKey(ws.owner, { description: "who am i", permissions: ["tasks:read"] });
    const asKey = await getMe(await requestAs(key.secret, null));
    const asPerson = await getMe(ws.member);
    expect({
      key: asKey.type === "apiKey" && [asKey.workspace.id, asKey.key.id, asKey.key.permissions],
      person: asPerson.type === "user" && [asPerson.user.id, asPerson.workspace?.id, asPerson.workspace?.role],
      outsider: (await getMe(ws.outsider)).type === "user" && ((await getMe(ws.outsider)) as { workspace: unknown }).workspace,
    }).toEqual({
      key: [ws.workspace.id, key.id, ["tasks:read"]],
      person: [ws.member.userId, ws.workspace.id, "MEMBER"],
      outsider: null,
    });
  });
});
