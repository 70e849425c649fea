// The SDK (@onehorizon/sdk-js, imported by its package name as a user would) against the real
// server: a real API key for tasks, real OAuth tokens for keys, the errors as ApiError, a real
// 429 from the workspace limit, and the opt-in retry waiting out a real Retry-After.
import { ApiError, ApiKeysApi, Configuration, TasksApi, type RetryOptions } from "@onehorizon/sdk-js";
import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { sql } from "./helpers/db";
import { API, createOtherWorkspaceKey, userToken } from "./rest/callers";

const keysAs = async (email: string) => new ApiKeysApi(new Configuration({ accessToken: await userToken(email), basePath: API }));
const tasksWith = (accessToken: string, retry?: RetryOptions) =>
  new TasksApi(new Configuration({ accessToken, basePath: API, retry }));

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
        sent.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search} ${request.headers.get("authorization") === `Bearer ${secret}`}`);
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
  const retrying = tasksWith(secret, { maxDelayMs: 10_000, onRetry: ({ error, delayMs }) => retries.push({ status: error.status, retryAfterSeconds: error.retryAfterSeconds, delayMs }) });
  const waitedFrom = Date.now();
  const result = await retrying.listTasks({ workspaceId: "current" });
  expect(result.data).toEqual([]);
  expect(retries).toHaveLength(1);
  expect(retries[0]!.status).toBe(429);
  expect(retries[0]!.retryAfterSeconds).toBeLessThanOrEqual(3);
  expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(retries[0]!.retryAfterSeconds! * 1000);
  expect(Date.now() - waitedFrom).toBeGreaterThanOrEqual(retries[0]!.retryAfterSeconds! * 1000);
});

test("the README's SDK example runs as written (against this server)", async () => {
  const readme = readFileSync("README.md", "utf8");
  const sdkSection = readme.slice(readme.indexOf("\n## SDK\n"));
  const example = /```js\n([\s\S]*?)```/.exec(sdkSection)?.[1];
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
