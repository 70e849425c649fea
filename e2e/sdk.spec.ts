// The SDK (@onehorizon/sdk-js, imported by its package name as a user would) against the real
// server: a real API key for tasks, real OAuth tokens for keys, the errors as ApiError, a real
// 429 from the workspace limit, and the opt-in retry waiting out a real Retry-After; the key
// lifecycle (expiry, rename, roll, usage), workspaces and the audit log; the single client
// (`new One(…)`): its default workspace, the rate limit on results and errors, its timeout, the
// async iterator over the audit log's pages, and the reason of each 409; webhook endpoints, with a
// test event verified by a real receiver.
import {
  ApiError,
  ApiKeysApi,
  AuditEventsApi,
  Configuration,
  One,
  TasksApi,
  WebhookEndpointsApi,
  WorkspacesApi,
  type RetryOptions,
} from "@onehorizon/sdk-js";
import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sql, workspaceId as workspaceIdOf } from "./helpers/db";
import { startWebhookReceiver } from "./helpers/webhook-receiver";
import { API, createOtherWorkspaceKey, userToken } from "./rest/callers";

const keysAs = async (email: string) => new ApiKeysApi(new Configuration({ accessToken: await userToken(email), basePath: API }));
const webhooksAs = async (email: string) =>
  new WebhookEndpointsApi(new Configuration({ accessToken: await userToken(email), basePath: API }));
const tasksWith = (accessToken: string, retry?: RetryOptions) => new TasksApi(new Configuration({ accessToken, basePath: API, retry }));

/** The ApiError a promise rejects with (fails the test if it resolves or throws anything else). */
async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

test("an owner creates a key with the SDK; the key reads and writes tasks; revoked, it gets 401", async () => {
  const keys = await keysAs("owner@example.com");
  const created = await keys.createApiKey({ workspaceId: "current", description: "sdk-e2e" });
  expect(created.secret).toMatch(/^one_[0-9A-Za-z]{36}$/);
  expect((await keys.getApiKey({ workspaceId: "current", keyId: created.id })).hint).toBe(created.hint);
  expect((await keys.listApiKeys({ workspaceId: "current" })).data.map((k) => k.id)).toContain(created.id);

  const tasks = tasksWith(created.secret);
  const task = await tasks.createTask({ workspaceId: "current", title: "Written through the SDK" });
  const done = await tasks.updateTask({ workspaceId: "current", taskId: task.id, done: true });
  const open = await tasks.listTasks({ workspaceId: "current" });
  const all = await tasks.listTasks({ workspaceId: "current", all: true });
  expect({
    got: (await tasks.getTask({ workspaceId: "current", taskId: task.id })).title,
    done: done.done,
    inOpen: open.data.some((t) => t.id === task.id),
    inAll: all.data.some((t) => t.id === task.id),
  }).toEqual({ got: "Written through the SDK", done: true, inOpen: false, inAll: true });

  const revoked = await keys.revokeApiKey({ workspaceId: "current", keyId: created.id });
  expect(revoked.revokedAt).not.toBeNull();
  const refused = await apiError(tasks.listTasks({ workspaceId: "current" }));
  expect({ status: refused.status, code: refused.code }).toEqual({ status: 401, code: 401 });
});

test("refusals arrive as one ApiError with status, code, message and fields", async () => {
  const owner = await keysAs("owner@example.com");
  const member = await keysAs("member@example.com");
  const { secret } = await owner.createApiKey({ workspaceId: "current", description: "sdk-e2e-errors" });
  const keyAsKeys = new ApiKeysApi(new Configuration({ accessToken: secret, basePath: API }));

  const memberCreates = await apiError(member.createApiKey({ workspaceId: "current", description: "not allowed" }));
  const keyLists = await apiError(keyAsKeys.listApiKeys({ workspaceId: "current" }));
  const invalid = await apiError(owner.createApiKey({ workspaceId: "current", description: "   " }));
  const unknown = await apiError(owner.getApiKey({ workspaceId: "current", keyId: "no-such-key" }));
  const unreachable = await apiError(
    new TasksApi(new Configuration({ accessToken: secret, basePath: "http://127.0.0.1:9/api/v1" })).listTasks({ workspaceId: "current" }),
  );
  expect([memberCreates, keyLists, invalid, unknown, unreachable].map((e) => [e.status, e.code])).toEqual([
    [403, 403],
    [403, 403],
    [400, 400],
    [404, 404],
    [0, 0],
  ]);
  expect(memberCreates.message).toMatch(/owners and admins/);
  expect(invalid.fields).toEqual({ description: "Enter a description." });
  expect(unreachable.message).toMatch(/Cannot reach the API at http:\/\/127\.0\.0\.1:9\/api\/v1/);
});

test("the configured fetch sends every request, with the bearer token", async () => {
  const sent: string[] = [];
  const { secret } = await (await keysAs("admin@example.com")).createApiKey({ workspaceId: "current", description: "sdk-e2e-fetch" });
  const tasks = new TasksApi(
    new Configuration({
      accessToken: async () => secret,
      basePath: API,
      fetch: (request) => {
        sent.push(
          `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search} ${request.headers.get("authorization") === `Bearer ${secret}`}`,
        );
        return fetch(request);
      },
    }),
  );
  await tasks.listTasks({ workspaceId: "current", all: false });
  expect(sent).toEqual(["GET /api/v1/workspaces/current/tasks?all=false true"]);
});

test("over the workspace limit: 429 with retryAfterSeconds; the opt-in retry waits it out", async () => {
  // A throwaway workspace with a burst of 2 requests a minute, so Acme's budget is untouched.
  const { workspaceId, secret } = await createOtherWorkspaceKey();
  await sql("UPDATE workspaces SET rate_limit_burst = 2 WHERE id = $1", [workspaceId]);
  const tasks = tasksWith(secret);
  await tasks.listTasks({ workspaceId: "current" });
  await tasks.listTasks({ workspaceId: "current" });
  const limited = await apiError(tasks.listTasks({ workspaceId: "current" }));
  expect({ status: limited.status, code: limited.code }).toEqual({ status: 429, code: 429 });
  expect(limited.retryAfterSeconds).toBeGreaterThanOrEqual(50);
  expect(limited.retryAfterSeconds).toBeLessThanOrEqual(60);
  expect(limited.message).toContain(`retry in ${limited.retryAfterSeconds} seconds`);

  // Retry-After beyond the cap: the error comes at once, no waiting.
  const started = Date.now();
  const capped = await apiError(tasksWith(secret, { maxDelayMs: 5_000 }).listTasks({ workspaceId: "current" }));
  expect({ status: capped.status, fast: Date.now() - started < 2_000 }).toEqual({ status: 429, fast: true });

  // Let the burst window end in 2 seconds (as if it had started 58 seconds ago): the retry waits and succeeds.
  await sql(`UPDATE rate_limit_states SET burst_start = now() - interval '58 seconds' WHERE workspace_id = $1`, [workspaceId]);
  const retries: { status: number; retryAfterSeconds: number | null; delayMs: number }[] = [];
  const retrying = tasksWith(secret, {
    maxDelayMs: 10_000,
    onRetry: ({ error, delayMs }) => retries.push({ status: error.status, retryAfterSeconds: error.retryAfterSeconds, delayMs }),
  });
  const waitedFrom = Date.now();
  const result = await retrying.listTasks({ workspaceId: "current" });
  expect(result.data).toEqual([]);
  expect(retries).toHaveLength(1);
  expect(retries[0]!.status).toBe(429);
  expect(retries[0]!.retryAfterSeconds).toBeLessThanOrEqual(3);
  expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(retries[0]!.retryAfterSeconds! * 1000);
  expect(Date.now() - waitedFrom).toBeGreaterThanOrEqual(retries[0]!.retryAfterSeconds! * 1000);
});

test("key lifecycle: create with an expiry, rename, roll (both secrets work), revoke; usage counts each outcome", async () => {
  const keys = await keysAs("owner@example.com");
  const expiresAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const created = await keys.createApiKey({ workspaceId: "current", description: "sdk-e2e-lifecycle", expiresAt });
  expect({ expiresAt: created.expiresAt, status: created.status }).toEqual({ expiresAt, status: "active" });
  await tasksWith(created.secret).listTasks({ workspaceId: "current" });

  const renamed = await keys.updateApiKey({ workspaceId: "current", keyId: created.id, description: "sdk-e2e-renamed" });
  expect({ id: renamed.id, description: renamed.description, hint: renamed.hint }).toEqual({
    id: created.id,
    description: "sdk-e2e-renamed",
    hint: created.hint,
  });

  const rolled = await keys.rollApiKey({ workspaceId: "current", keyId: created.id, previousSecretExpiresInSeconds: 3600 });
  expect(rolled.secret).toMatch(/^one_[0-9A-Za-z]{36}$/);
  expect(rolled.secret).not.toBe(created.secret);
  expect({
    id: rolled.id,
    description: rolled.description,
    expiresAt: rolled.expiresAt,
    previousHint: rolled.previousSecret?.hint,
  }).toEqual({
    id: created.id,
    description: "sdk-e2e-renamed",
    expiresAt,
    previousHint: created.hint,
  });
  const deadline = Date.parse(rolled.previousSecret!.expiresAt) - Date.now();
  expect(deadline).toBeGreaterThan(3_500_000);
  expect(deadline).toBeLessThanOrEqual(3_600_000);
  // Both secrets work during the grace period: the new one, then the previous one.
  expect((await tasksWith(rolled.secret).listTasks({ workspaceId: "current" })).data).toBeInstanceOf(Array);
  expect((await tasksWith(created.secret).listTasks({ workspaceId: "current" })).data).toBeInstanceOf(Array);

  // The key's secrets after revocation: each refused (401) and counted as denied on the key.
  await keys.revokeApiKey({ workspaceId: "current", keyId: created.id });
  for (const secret of [rolled.secret, created.secret])
    expect((await apiError(tasksWith(secret).listTasks({ workspaceId: "current" }))).status).toBe(401);
  await expect(apiError(keys.rollApiKey({ workspaceId: "current", keyId: created.id }))).resolves.toMatchObject({ status: 409 });

  // Counts reach the database within seconds (each instance flushes every 5 s): poll.
  await expect
    .poll(async () => (await keys.getApiKeyUsage({ workspaceId: "current", keyId: created.id })).totals, {
      timeout: 20_000,
      intervals: [1_000],
    })
    .toEqual({ ok: 3, rateLimited: 0, denied: 2, forbidden: 0, blockedNetwork: 0, outsideNetwork: 0, byPermission: { "tasks:read": 3 } });
  const day = await keys.getApiKeyUsage({ workspaceId: "current", keyId: created.id });
  expect({ range: day.range, bucketSeconds: day.bucketSeconds, buckets: day.buckets.length, last: day.buckets.at(-1)!.ok }).toEqual({
    range: "24h",
    bucketSeconds: 3600,
    buckets: 24,
    last: 3,
  });
  const week = await keys.getApiKeyUsage({ workspaceId: "current", keyId: created.id, range: "7d" });
  expect({ range: week.range, bucketSeconds: week.bucketSeconds, buckets: week.buckets.length, totals: week.totals }).toEqual({
    range: "7d",
    bucketSeconds: 86_400,
    buckets: 7,
    totals: { ok: 3, rateLimited: 0, denied: 2, forbidden: 0, blockedNetwork: 0, outsideNetwork: 0, byPermission: { "tasks:read": 3 } },
  });

  // The audit log, filtered to this key's roll: one event, by the owner, with no secret in it.
  const audit = new AuditEventsApi(new Configuration({ accessToken: await userToken("owner@example.com"), basePath: API }));
  const rolls = await audit.listAuditEvents({ workspaceId: "current", action: "api_key.rolled", targetId: created.id });
  expect(rolls.data.map((e) => ({ action: e.action, target: e.target.id, actor: e.actor.email }))).toEqual([
    { action: "api_key.rolled", target: created.id, actor: "owner@example.com" },
  ]);
  expect(JSON.stringify(rolls)).not.toContain(rolled.secret);
  const all = await audit.listAuditEvents({ workspaceId: "current", targetId: created.id, limit: 2 });
  expect({ actions: all.data.map((e) => e.action), more: all.nextCursor !== null }).toEqual({
    actions: ["api_key.revoked", "api_key.rolled"],
    more: true,
  });
  const next = await audit.listAuditEvents({ workspaceId: "current", targetId: created.id, limit: 2, cursor: all.nextCursor! });
  expect(next.data.map((e) => e.action)).toEqual(["api_key.updated", "api_key.created"]);
});

test("a member may not roll a key or read the audit log: ApiError 403", async () => {
  const owner = await keysAs("owner@example.com");
  const member = await keysAs("member@example.com");
  const key = await owner.createApiKey({ workspaceId: "current", description: "sdk-e2e-member-roll" });
  try {
    const roll = await apiError(member.rollApiKey({ workspaceId: "current", keyId: key.id }));
    const audit = await apiError(
      new AuditEventsApi(new Configuration({ accessToken: await userToken("member@example.com"), basePath: API })).listAuditEvents({
        workspaceId: "current",
      }),
    );
    expect([roll.status, roll.code, audit.status]).toEqual([403, 403, 403]);
    expect(roll.message).toMatch(/owners and admins/);
    // Nothing changed: the original secret still works.
    expect((await tasksWith(key.secret).listTasks({ workspaceId: "current" })).data).toBeInstanceOf(Array);
  } finally {
    await owner.revokeApiKey({ workspaceId: "current", keyId: key.id });
  }
});

test("listWorkspaces shows each role and the current one; selectWorkspace switches (Globex, then back to Acme)", async () => {
  const token = await userToken("owner@example.com");
  const workspaces = new WorkspacesApi(new Configuration({ accessToken: token, basePath: API }));
  const tasks = tasksWith(token);
  const summary = async () =>
    (await workspaces.listWorkspaces()).data
      .map((w) => ({ slug: w.slug, role: w.role, current: w.current }))
      .sort((a, b) => a.slug.localeCompare(b.slug));
  expect(await summary()).toEqual([
    { slug: "acme", role: "OWNER", current: true },
    { slug: "globex", role: "MEMBER", current: false },
  ]);
  const { data } = await workspaces.listWorkspaces();
  const acme = data.find((w) => w.slug === "acme")!;
  const globex = data.find((w) => w.slug === "globex")!;
  try {
    const selected = await workspaces.selectWorkspace({ workspaceId: globex.id });
    expect(selected).toEqual({ ...globex, current: true });
    expect(await summary()).toEqual([
      { slug: "acme", role: "OWNER", current: false },
      { slug: "globex", role: "MEMBER", current: true },
    ]);
    // `current` now means Globex for the same token: a task written there is not in Acme.
    const task = await tasks.createTask({ workspaceId: "current", title: "Written in Globex through the SDK" });
    expect((await tasks.getTask({ workspaceId: globex.id, taskId: task.id })).id).toBe(task.id);
    expect((await apiError(tasks.getTask({ workspaceId: acme.id, taskId: task.id }))).status).toBe(404);
    const unknown = await apiError(workspaces.selectWorkspace({ workspaceId: "no-such-workspace" }));
    expect(unknown.status).toBe(404);
  } finally {
    await workspaces.selectWorkspace({ workspaceId: acme.id });
  }
  expect((await summary()).find((w) => w.current)?.slug).toBe("acme");
});

test("the SDK README's examples run as written (against this server)", async () => {
  const readme = readFileSync("sdk/README.md", "utf8");
  const examples = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);
  expect(examples.length).toBeGreaterThanOrEqual(2);
  for (const example of examples) {
    expect(example).toContain('from "@onehorizon/sdk-js"');
    // The examples rely on the default base URL (http://localhost:3000/api/v1): point them here.
    const code = example
      .replaceAll("new Configuration({ ", `new Configuration({ basePath: ${JSON.stringify(API)}, `)
      .replaceAll("new One({ ", `new One({ baseUrl: ${JSON.stringify(API)}, `);
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
      encoding: "utf8",
      env: { ...process.env, ONE_TOKEN: await userToken("owner@example.com") },
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^\d+ tasks\n401 .+\n$/);
  }
});

test("the single client: the default workspace, the rate limit on every result and error, non-enumerable", async () => {
  const { workspaceId, secret } = await createOtherWorkspaceKey();
  await sql("UPDATE workspaces SET rate_limit_burst = 4 WHERE id = $1", [workspaceId]);
  const one = new One({ apiKey: secret, baseUrl: API });
  expect(one.workspaceId).toBe("current");

  const created = await one.tasks.create({ title: "Written by the single client" });
  const listed = await one.tasks.list({ all: true });
  expect(listed.data.map((t) => t.id)).toEqual([created.id]);
  expect({ keys: Object.keys(listed), json: JSON.stringify(listed).includes("rateLimit"), status: listed.lastResponse.status }).toEqual({
    keys: ["data"],
    json: false,
    status: 200,
  });
  expect(listed.rateLimit).toEqual({
    remaining: 2,
    resetSeconds: expect.any(Number),
    policies: [
      { name: "burst", limit: 4, windowSeconds: 60, remaining: 2, resetSeconds: expect.any(Number) },
      { name: "quota", limit: 200, windowSeconds: 900, remaining: 198, resetSeconds: expect.any(Number) },
    ],
  });
  expect(listed.rateLimit!.resetSeconds).toBeGreaterThan(0);
  expect(listed.rateLimit!.resetSeconds).toBeLessThanOrEqual(60);

  // Another workspace's id is not found; the workspace given by its id works like `current`.
  const elsewhere = await apiError(new One({ apiKey: secret, baseUrl: API, workspaceId: await workspaceIdOf("acme") }).tasks.list());
  expect(elsewhere.status).toBe(404);
  const byId = new One({ apiKey: secret, baseUrl: API, workspaceId });
  expect((await byId.tasks.get({ taskId: created.id })).title).toBe("Written by the single client");
  const limited = await apiError(byId.tasks.list());
  expect({ status: limited.status, remaining: limited.rateLimit?.remaining, burst: limited.rateLimit?.policies[0]?.limit }).toEqual({
    status: 429,
    remaining: 0,
    burst: 4,
  });
  expect(limited.retryAfterSeconds).toBe(limited.rateLimit!.resetSeconds);

  // A person's token is not rate limited: no fields, so `rateLimit` is null.
  const person = new One({ accessToken: await userToken("member@example.com"), baseUrl: API });
  const workspaces = await person.workspaces.list();
  expect({ rateLimit: workspaces.rateLimit, status: workspaces.lastResponse.status }).toEqual({ rateLimit: null, status: 200 });
});

test("the single client's timeout: an API that does not answer fails with ApiError status 0, in time", async () => {
  // A real server that accepts the request and never answers.
  const silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/v1`;
  try {
    const started = Date.now();
    const error = await apiError(new One({ apiKey: "one_x", baseUrl, timeoutMs: 500 }).tasks.list());
    const elapsed = Date.now() - started;
    expect({ status: error.status, message: error.message }).toEqual({
      status: 0,
      message: `Cannot reach the API at ${baseUrl} (no answer within 500 ms).`,
    });
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(3_000);
    // The per-request option wins over the client's.
    const quick = Date.now();
    await apiError(new One({ apiKey: "one_x", baseUrl, timeoutMs: 60_000 }).tasks.list({}, { timeoutMs: 200 }));
    expect(Date.now() - quick).toBeLessThan(3_000);
  } finally {
    silent.closeAllConnections();
    silent.close();
  }
});

test("the single client's audit log: await gives a page, for await walks every event across pages", async () => {
  const requests: string[] = [];
  const one = new One({
    accessToken: await userToken("owner@example.com"),
    baseUrl: API,
    fetch: (request) => (requests.push(new URL(request.url).search), fetch(request)),
  });
  const key = await one.apiKeys.create({ description: "sdk-e2e-pages" });
  for (const description of ["sdk-e2e-pages-2", "sdk-e2e-pages-3", "sdk-e2e-pages-4"])
    await one.apiKeys.update({ keyId: key.id, description });
  await one.apiKeys.roll({ keyId: key.id, previousSecretExpiresInSeconds: 0 });
  await one.apiKeys.revoke({ keyId: key.id });

  const first = await one.auditEvents.list({ targetId: key.id, limit: 4 });
  expect({ actions: first.data.map((e) => e.action), more: first.nextCursor !== null, rateLimit: first.rateLimit }).toEqual({
    actions: ["api_key.revoked", "api_key.rolled", "api_key.updated", "api_key.updated"],
    more: true,
    rateLimit: null,
  });

  requests.length = 0;
  const actions: string[] = [];
  for await (const event of one.auditEvents.list({ targetId: key.id, limit: 2 })) actions.push(event.action);
  expect(actions).toEqual([
    "api_key.revoked",
    "api_key.rolled",
    "api_key.updated",
    "api_key.updated",
    "api_key.updated",
    "api_key.created",
  ]);
  expect(requests.length).toBeGreaterThanOrEqual(3);
  expect(requests.every((search) => search.includes(`targetId=${key.id}`) && search.includes("limit=2"))).toBe(true);
  expect(requests.slice(1).every((search) => search.includes("cursor="))).toBe(true);

  // Nothing is requested until the list is awaited or iterated; breaking off stops the paging.
  requests.length = 0;
  const pages = one.auditEvents.list({ targetId: key.id, limit: 1 });
  expect(requests).toEqual([]);
  for await (const event of pages) {
    expect(event.action).toBe("api_key.revoked");
    break;
  }
  expect(requests).toHaveLength(1);
});

test("every 409 names its reason: the key cap, a revoked key, an expired key", async () => {
  const one = new One({ accessToken: await userToken("owner@example.com"), baseUrl: API });
  const revoked = await one.apiKeys.create({ description: "sdk-e2e-409-revoked" });
  await one.apiKeys.revoke({ keyId: revoked.id });
  const renameRevoked = await apiError(one.apiKeys.update({ keyId: revoked.id, description: "too late" }));

  const expiring = await one.apiKeys.create({
    description: "sdk-e2e-409-expired",
    expiresAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
  });
  await sql("UPDATE api_keys SET expires_at = now() - interval '1 minute' WHERE id = $1", [expiring.id]);
  const rollExpired = await apiError(one.apiKeys.roll({ keyId: expiring.id }));

  const { data, limit } = await one.apiKeys.list();
  const filled: string[] = [];
  try {
    for (let active = data.filter((k) => k.status === "active").length; active < limit; active++)
      filled.push((await one.apiKeys.create({ description: `sdk-e2e-409-cap-${active}` })).id);
    const overCap = await apiError(one.apiKeys.create({ description: "sdk-e2e-409-one-too-many" }));
    expect([renameRevoked, rollExpired, overCap].map((e) => [e.status, e.code, e.reason])).toEqual([
      [409, 409, "key_revoked"],
      [409, 409, "key_expired"],
      [409, 409, "key_limit_reached"],
    ]);
    expect(overCap.message).toContain(`already has ${limit} active API keys`);
  } finally {
    for (const keyId of filled) await one.apiKeys.revoke({ keyId });
  }
});

test("permissions through the single client: create narrowed, the 403 names what is missing, me, update, insights and usageAll", async () => {
  const admin = new One({ accessToken: await userToken("owner@example.com"), baseUrl: API });
  const key = await admin.apiKeys.create({ description: "sdk-permissions", permissions: ["tasks:read"] });
  const one = new One({ apiKey: key.secret, baseUrl: API });
  const me = await one.me.get();
  const refused = await apiError(one.tasks.create({ title: "not allowed" }));
  await one.tasks.list();
  const widened = await admin.apiKeys.update({ keyId: key.id, permissions: null });
  const created = await one.tasks.create({ title: "allowed after the change" });
  expect({
    permissions: key.permissions,
    me: me.type === "apiKey" ? [me.key.id, me.key.permissions] : null,
    refused: [refused.status, refused.missingPermission, refused.message.includes("tasks:write")],
    widened: widened.permissions,
    created: created.title,
  }).toEqual({
    permissions: ["tasks:read"],
    me: [key.id, ["tasks:read"]],
    refused: [403, "tasks:write", true],
    widened: null,
    created: "allowed after the change",
  });
  await expect
    .poll(async () => (await admin.apiKeys.insights({ keyId: key.id })).permissions, { timeout: 20_000, intervals: [1_000] })
    .toEqual({ granted: ["tasks:write"], used: ["tasks:write"], unused: [], suggested: ["tasks:write"] });
  const all = await admin.apiKeys.usageAll({ range: "24h" });
  expect(all.data.find((entry) => entry.keyId === key.id)?.totals).toMatchObject({ ok: 3, forbidden: 1 });
});

test("allowed networks through the single client: a key used from outside them gets an ApiError naming the address", async () => {
  const admin = new One({ accessToken: await userToken("owner@example.com"), baseUrl: API });
  const key = await admin.apiKeys.create({ description: "sdk-networks", allowedNetworks: ["203.0.113.0/24"] });
  const refused = await apiError(new One({ apiKey: key.secret, baseUrl: API }).tasks.list());
  const reported = await admin.apiKeys.update({ keyId: key.id, networkMode: "report" });
  const served = await new One({ apiKey: key.secret, baseUrl: API }).tasks.list();
  expect({
    created: [key.allowedNetworks, key.networkMode],
    refused: [refused.status, ["127.0.0.1", "::1"].includes(refused.clientAddress ?? "")],
    reported: reported.networkMode,
    served: Array.isArray(served.data),
  }).toEqual({ created: [["203.0.113.0/24"], "enforce"], refused: [403, true], reported: "report", served: true });
});

test("webhooks: an owner adds an endpoint, lists it, and a test event reaches a real receiver, signed so standardwebhooks verifies it", async () => {
  const receiver = await startWebhookReceiver();
  const hooks = await webhooksAs("owner@example.com");
  const workspaceId = "current";
  const endpoint = await hooks.createWebhookEndpoint({ workspaceId, url: receiver.url, description: "sdk-e2e", events: ["webhook.test"] });
  try {
    expect(endpoint).toMatchObject({
      url: receiver.url,
      description: "sdk-e2e",
      events: ["webhook.test"],
      enabled: true,
      disabledReason: null,
    });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
    expect(endpoint.secretHint).toBe(`whsec_…${endpoint.secret.slice(-4)}`);
    const { secret, ...shown } = endpoint;
    expect((await hooks.listWebhookEndpoints({ workspaceId })).data).toContainEqual(shown);
    expect(await hooks.getWebhookEndpoint({ workspaceId, endpointId: endpoint.id })).toEqual(shown);

    const { deliveryId } = await hooks.sendWebhookTestEvent({ workspaceId, endpointId: endpoint.id });
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const [request] = receiver.received;
    const payload = receiver.verify(request!, secret);
    expect(payload).toMatchObject({ type: "webhook.test", data: { workspace: { slug: "acme" } } });
    expect(() => receiver.verify(request!, `whsec_${Buffer.alloc(24, 1).toString("base64")}`)).toThrow();
    expect(request!.rawBody).not.toContain(secret);

    await expect
      .poll(async () => (await hooks.listWebhookDeliveries({ workspaceId, endpointId: endpoint.id })).data[0]?.status, { timeout: 10_000 })
      .toBe("delivered");
    const { data, nextCursor } = await hooks.listWebhookDeliveries({ workspaceId, endpointId: endpoint.id, limit: 10 });
    expect({ nextCursor, deliveries: data.map((d) => [d.id, d.eventType, d.status, d.attempts, d.responseStatus]) }).toEqual({
      nextCursor: null,
      deliveries: [[deliveryId, "webhook.test", "delivered", 1, 204]],
    });
    expect(request!.headers["webhook-id"]).toBe(data[0]!.eventId);
  } finally {
    const deleted = await hooks.deleteWebhookEndpoint({ workspaceId, endpointId: endpoint.id });
    expect(deleted.id).toBe(endpoint.id);
    await receiver.close();
  }
  expect((await apiError(hooks.getWebhookEndpoint({ workspaceId, endpointId: endpoint.id }))).status).toBe(404);
});

test("webhooks refusals as ApiError: 403 for a member and an API key, 400 naming url, 409 endpoint_limit_reached at 10", async () => {
  const owner = await webhooksAs("owner@example.com");
  const member = await webhooksAs("member@example.com");
  const { secret } = await (await keysAs("owner@example.com")).createApiKey({ workspaceId: "current", description: "sdk-e2e-webhooks" });
  const asKey = new WebhookEndpointsApi(new Configuration({ accessToken: secret, basePath: API }));
  const receiver = await startWebhookReceiver();
  const workspaceId = "current";

  const memberCreates = await apiError(member.createWebhookEndpoint({ workspaceId, url: receiver.url }));
  const memberLists = await apiError(member.listWebhookEndpoints({ workspaceId }));
  const keyLists = await apiError(asKey.listWebhookEndpoints({ workspaceId }));
  expect([memberCreates, memberLists, keyLists].map((e) => [e.status, e.code])).toEqual([
    [403, 403],
    [403, 403],
    [403, 403],
  ]);
  expect(memberCreates.message).toMatch(/owners and admins/);

  const metadata = await apiError(owner.createWebhookEndpoint({ workspaceId, url: "https://169.254.169.254/latest/meta-data" }));
  expect({ status: metadata.status, fields: Object.keys(metadata.fields) }).toEqual({ status: 400, fields: ["url"] });
  expect(metadata.fields.url).toMatch(/169\.254\.169\.254, a link-local address/);

  const filled: string[] = [];
  try {
    for (let count = (await owner.listWebhookEndpoints({ workspaceId })).data.length; count < 10; count++)
      filled.push((await owner.createWebhookEndpoint({ workspaceId, url: receiver.url, description: `sdk-e2e-cap-${count}` })).id);
    const overCap = await apiError(owner.createWebhookEndpoint({ workspaceId, url: receiver.url }));
    expect([overCap.status, overCap.code, overCap.reason]).toEqual([409, 409, "endpoint_limit_reached"]);
  } finally {
    for (const endpointId of filled) await owner.deleteWebhookEndpoint({ workspaceId, endpointId });
    await receiver.close();
  }
});
