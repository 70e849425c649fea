// The SDK (@onehorizon/sdk-js, imported by its package name as a user would) against the real
// server: a real API key for tasks, real OAuth tokens for keys, the errors as ApiError, a real
// 429 from the workspace limit, and the opt-in retry waiting out a real Retry-After; the key
// lifecycle (expiry, rename, roll, usage), workspaces and the audit log.
import { ApiError, ApiKeysApi, AuditEventsApi, Configuration, TasksApi, WorkspacesApi, type RetryOptions } from "@onehorizon/sdk-js";
import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { sql } from "./helpers/db";
import { API, createOtherWorkspaceKey, userToken } from "./rest/callers";

const keysAs = async (email: string) => new ApiKeysApi(new Configuration({ accessToken: await userToken(email), basePath: API }));
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
    .toEqual({ ok: 3, rateLimited: 0, denied: 2 });
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
    totals: { ok: 3, rateLimited: 0, denied: 2 },
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

test("the SDK README's example runs as written (against this server)", async () => {
  const readme = readFileSync("sdk/README.md", "utf8");
  const example = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toContain('from "@onehorizon/sdk-js"');
  // The example relies on the default basePath (http://localhost:3000/api/v1): point it here.
  const code = example!.replaceAll("new Configuration({ ", `new Configuration({ basePath: ${JSON.stringify(API)}, `);
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    encoding: "utf8",
    env: { ...process.env, ONE_TOKEN: await userToken("owner@example.com") },
  });
  expect(run.stderr).toBe("");
  expect(run.stdout).toMatch(/^\d+ tasks\n401 .+\n$/);
});
