// Bad input of every kind is refused with the documented status and error shape, never a
// 500; unknown fields never change what is stored; every response is JSON and not cached.
import { expect, test } from "@playwright/test";
import { revokeAllAcmeKeys, sql } from "../helpers/db";
import { acmeId, call, userToken } from "./callers";

let owner = "";
let taskId = "";
let workspaceId = "";

test.beforeAll(async () => {
  await revokeAllAcmeKeys();
  owner = await userToken("owner@example.com");
  workspaceId = await acmeId();
  taskId = (await call("POST", "/workspaces/current/tasks", owner, { title: "input checks" })).body.id as string;
});

const BIG = JSON.stringify({ description: "x".repeat(20 * 1024) });

const CASES: Array<[string, string, string, unknown, Record<string, string>, number]> = [
  // name, method, path, body, extra headers, expected status
  ["key: text/plain body", "POST", "/workspaces/current/api-keys", "description=ci", { "Content-Type": "text/plain" }, 415],
  [
    "key: form body",
    "POST",
    "/workspaces/current/api-keys",
    "description=ci",
    { "Content-Type": "application/x-www-form-urlencoded" },
    415,
  ],
  ["key: invalid JSON", "POST", "/workspaces/current/api-keys", "{description:", {}, 400],
  ["key: JSON array", "POST", "/workspaces/current/api-keys", "[]", {}, 400],
  ["key: JSON string", "POST", "/workspaces/current/api-keys", '"ci"', {}, 400],
  ["key: body over 16 KiB", "POST", "/workspaces/current/api-keys", BIG, {}, 413],
  ["key: no description", "POST", "/workspaces/current/api-keys", {}, {}, 400],
  ["key: empty description", "POST", "/workspaces/current/api-keys", { description: "" }, {}, 400],
  ["key: 101 characters", "POST", "/workspaces/current/api-keys", { description: "x".repeat(101) }, {}, 400],
  ["key: control characters", "POST", "/workspaces/current/api-keys", { description: "a\u0007b" }, {}, 400],
  ["key: only a zero-width space", "POST", "/workspaces/current/api-keys", { description: "\u200B" }, {}, 400],
  ["key: only a Hangul filler", "POST", "/workspaces/current/api-keys", { description: "\u3164" }, {}, 400],
  ["key: zero-width space inside", "POST", "/workspaces/current/api-keys", { description: "ci-pro\u200Bduction" }, {}, 400],
  ["key: right-to-left mark", "POST", "/workspaces/current/api-keys", { description: "ci\u200Fprod" }, {}, 400],
  ["key: Arabic letter mark", "POST", "/workspaces/current/api-keys", { description: "ci\u061Cprod" }, {}, 400],
  ["key: 101 emoji", "POST", "/workspaces/current/api-keys", { description: "😀".repeat(101) }, {}, 400],
  ["key: description is a number", "POST", "/workspaces/current/api-keys", { description: 7 }, {}, 400],
  ["key: description is null", "POST", "/workspaces/current/api-keys", { description: null }, {}, 400],
  ["task: empty title", "POST", "/workspaces/current/tasks", { title: "" }, {}, 400],
  ["task: title is an object", "POST", "/workspaces/current/tasks", { title: { $ne: null } }, {}, 400],
  ["task: right-to-left override in the title", "POST", "/workspaces/current/tasks", { title: "pay \u202Eecivni" }, {}, 400],
  ["task: title only a zero-width space", "PATCH", "/workspaces/current/tasks/{task}", { title: "\u200B" }, {}, 400],
  ["task: done is a string", "POST", "/workspaces/current/tasks", { title: "ok", done: "yes" }, {}, 400],
  ["task: empty patch", "PATCH", "/workspaces/current/tasks/{task}", {}, {}, 400],
  ["task: patch done as string", "PATCH", "/workspaces/current/tasks/{task}", { done: "true" }, {}, 400],
  ["task: patch without JSON type", "PATCH", "/workspaces/current/tasks/{task}", "done=true", { "Content-Type": "text/plain" }, 415],
  ["tasks: all=maybe", "GET", "/workspaces/current/tasks?all=maybe", undefined, {}, 400],
  ["activity: limit=0", "GET", "/workspaces/current/agent/activity?limit=0", undefined, {}, 400],
  ["activity: limit=abc", "GET", "/workspaces/current/agent/activity?limit=abc", undefined, {}, 400],
  ["activity: unknown cursor", "GET", "/workspaces/current/agent/activity?cursor=nope", undefined, {}, 400],
  ["key id: unknown", "GET", "/workspaces/current/api-keys/ckzzzzzzzzzzzzzzzzzzzzzzz", undefined, {}, 404],
  ["key id: SQL-looking", "GET", "/workspaces/current/api-keys/'%20OR%201=1--", undefined, {}, 404],
  ["key id: 500 characters", "DELETE", `/workspaces/current/api-keys/${"a".repeat(500)}`, undefined, {}, 404],
  ["key id: NUL byte", "GET", "/workspaces/current/api-keys/%00", undefined, {}, 404],
  ["task id: unicode", "GET", "/workspaces/current/tasks/%F0%9F%92%A5", undefined, {}, 404],
  ["task id: dot-dot", "PATCH", "/workspaces/current/tasks/..%2F..%2Fapi-keys", { done: true }, {}, 404],
  ["workspace id: unknown", "GET", "/workspaces/nope/tasks", undefined, {}, 404],
  ["workspace id: SQL-looking", "GET", "/workspaces/'%3B%20DROP%20TABLE%20tasks--/tasks", undefined, {}, 404],
  ["method: PUT on keys", "PUT", "/workspaces/current/api-keys", { description: "x" }, {}, 405],
  ["method: POST on one key", "POST", "/workspaces/current/api-keys/{key}", undefined, {}, 405],
  ["method: DELETE on tasks", "DELETE", "/workspaces/current/tasks", undefined, {}, 405],
  ["path: not an endpoint", "GET", "/workspaces/current/secrets", undefined, {}, 404],
  ["path: outside workspaces", "GET", "/admin", undefined, {}, 404],
];

for (const [name, method, rawPath, body, headers, expected] of CASES) {
  test(`${name} → ${expected}`, async () => {
    const path = rawPath.replace("{task}", taskId).replace("{key}", "anything");
    const response = await call(method, path, owner, body, headers);
    expect({ status: response.status, code: response.body.code, hasMessage: typeof response.body.message === "string" }).toEqual({
      status: expected,
      code: expected,
      hasMessage: true,
    });
  });
}

test("every response is JSON, not cached, not sniffed, and holds no hash, SQL or stack trace", async () => {
  const responses = await Promise.all([
    call("GET", "/workspaces/current/api-keys", owner),
    call("POST", "/workspaces/current/api-keys", owner, { description: "hygiene" }),
    call("GET", "/workspaces/current/tasks", owner),
    call("GET", "/workspaces/current/api-keys/'%20OR%201=1--", owner),
    call("POST", "/workspaces/current/tasks", owner, "{bad json"),
    call("GET", "/nope", undefined),
    call("PUT", "/workspaces/current/tasks", owner, {}),
  ]);
  const hashes = (await sql<{ hash: string }>("SELECT hash FROM api_key_secrets")).map((r) => r.hash);
  const problems = responses.flatMap((r) => [
    ...(r.headers.get("content-type")?.startsWith("application/json") ? [] : [`${r.status}: not JSON`]),
    ...(r.headers.get("cache-control") === "no-store" ? [] : [`${r.status}: cacheable`]),
    ...(r.headers.get("x-content-type-options") === "nosniff" ? [] : [`${r.status}: sniffable`]),
    ...(/\bat \S+:\d+|SELECT |INSERT |prisma|"hash"/i.test(r.text) || hashes.some((h) => r.text.includes(h))
      ? [`${r.status}: leaks internals`]
      : []),
  ]);
  expect(problems).toEqual([]);
});

test("unknown fields never change what is stored", async () => {
  const created = await call("POST", "/workspaces/current/api-keys", owner, {
    description: "with extras",
    workspaceId: "another-workspace",
    hash: "0".repeat(64),
    hint: "one_…fake",
    createdBy: { id: "someone-else" },
    revokedAt: "2020-01-01T00:00:00Z",
  });
  const [row] = await sql<{ workspace_id: string; hash: string; hint: string; creator: string; revoked: boolean }>(
    `SELECT k.workspace_id, s.hash, s.hint, u.email AS creator, k.revoked_at IS NOT NULL AS revoked
     FROM api_keys k JOIN api_key_secrets s ON s.key_id = k.id JOIN users u ON u.id = k.created_by_id WHERE k.id = $1`,
    [created.body.id],
  );
  expect({ ...row, hash: row!.hash === "0".repeat(64) }).toEqual({
    workspace_id: workspaceId,
    hash: false,
    hint: `one_…${String(created.body.secret).slice(-4)}`,
    creator: "owner@example.com",
    revoked: false,
  });
});

test("the create response carries the secret once and is not cached; reading the key later never shows it", async () => {
  const created = await call("POST", "/workspaces/current/api-keys", owner, { description: "once" });
  const again = await call("GET", `/workspaces/current/api-keys/${created.body.id}`, owner);
  expect({
    status: created.status,
    secret: /^one_[0-9A-Za-z]{36}$/.test(String(created.body.secret)),
    cache: created.headers.get("cache-control"),
    later: Object.keys(again.body).sort(),
  }).toEqual({
    status: 201,
    secret: true,
    cache: "no-store",
    later: [
      "allowedNetworks",
      "createdAt",
      "createdBy",
      "description",
      "expiresAt",
      "exposure",
      "hint",
      "id",
      "lastUsedAt",
      "lastUsedIp",
      "lastUsedUserAgent",
      "networkMode",
      "permissions",
      "policyViolations",
      "previousSecret",
      "revokedAt",
      "status",
      "unusedRevocationAt",
    ],
  });
});

test("descriptions are stored in NFC and counted in characters, as the dashboard counts them", async () => {
  const emoji = await call("POST", "/workspaces/current/api-keys", owner, { description: "😀".repeat(100) });
  const decomposed = await call("POST", "/workspaces/current/api-keys", owner, { description: "caf\u0065\u0301-ci" });
  expect([emoji.status, decomposed.status, decomposed.body.description]).toEqual([201, 201, "café-ci"]);
});
