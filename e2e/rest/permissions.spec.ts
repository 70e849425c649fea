// Permissions per key over REST, with real tokens from the local provider: the field on every
// key, the 400s, the 403 (body, header, order before 429), PATCH, GET /me, the workspace's usage
// in one answer, and the insights endpoint.
import { expect, test } from "@playwright/test";
import { resetAcmeRateLimit, revokeAllAcmeKeys } from "../helpers/db";
import { call, createOtherWorkspaceKey, userToken } from "./callers";

let owner: string;
let member: string;
test.beforeAll(async () => {
  await revokeAllAcmeKeys();
  [owner, member] = await Promise.all([userToken("owner@example.com"), userToken("member@example.com")]);
});

// Acme's requests share one budget with the specs that follow.
test.afterAll(resetAcmeRateLimit);

const createKey = (body: Record<string, unknown>) => call("POST", "/workspaces/current/api-keys", owner, body);

test("a key's permissions are stored normalised and returned on every key object", async () => {
  const full = await createKey({ description: "rest-full" });
  const both = await createKey({ description: "rest-both", permissions: ["tasks:read", "tasks:write", "tasks:read"] });
  const listed = await call("GET", "/workspaces/current/api-keys", member);
  const byId = (id: unknown) => listed.body.data!.find((key) => key.id === id)?.permissions;
  expect({
    created: [full.status, full.body.permissions, both.body.permissions],
    listed: [byId(full.body.id), byId(both.body.id)],
    read: (await call("GET", `/workspaces/current/api-keys/${both.body.id}`, member)).body.permissions,
  }).toEqual({ created: [201, null, ["tasks:write"]], listed: [null, ["tasks:write"]], read: ["tasks:write"] });
});

for (const [name, permissions] of [
  ["an unknown permission", ["tasks:delete"]],
  ["an empty list", []],
  ["not a list", "tasks:read"],
] as const) {
  test(`${name} is refused with 400 naming permissions, at creation and in a PATCH`, async () => {
    const key = await createKey({ description: "rest-guarded" });
    const created = await createKey({ description: "rest-bad", permissions });
    const patched = await call("PATCH", `/workspaces/current/api-keys/${key.body.id}`, owner, { permissions });
    expect([created.status, Object.keys(created.body.fields ?? {}), patched.status, Object.keys(patched.body.fields ?? {})]).toEqual([
      400,
      ["permissions"],
      400,
      ["permissions"],
    ]);
  });
}

test("a read-only key reads tasks and gets 403 naming tasks:write for changes, without using the limit", async () => {
  const reader = await createKey({ description: "rest-reader", permissions: ["tasks:read"] });
  const secret = reader.body.secret as string;
  const before = await call("GET", "/workspaces/current/tasks", secret);
  const refused = await call("POST", "/workspaces/current/tasks", secret, { title: "not allowed" });
  const after = await call("GET", "/workspaces/current/tasks", secret);
  const remaining = (response: typeof before) => /"burst";r=(\d+)/.exec(response.headers.get("ratelimit") ?? "")?.[1];
  expect({
    read: before.status,
    refused: [
      refused.status,
      refused.body.missingPermission,
      refused.headers.get("x-accepted-permissions"),
      refused.headers.get("ratelimit"),
    ],
    message: refused.body.message,
    // The refused write was not counted: the second read used exactly one more request.
    budget: Number(remaining(before)) - Number(remaining(after)),
  }).toEqual({
    read: 200,
    refused: [403, "tasks:write", "tasks:write", null],
    message:
      "This API key cannot change tasks: it lacks the tasks:write permission. A workspace owner or admin can grant it on the key's page.",
    budget: 1,
  });
});

test("PATCH changes permissions and expiry from the next request; a member gets 403, another workspace's key 404, an empty body 400", async () => {
  const key = await createKey({ description: "rest-patched" });
  const secret = key.body.secret as string;
  const write = () => call("POST", "/workspaces/current/tasks", secret, { title: "patched" });
  const before = (await write()).status;
  const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const patched = await call("PATCH", `/workspaces/current/api-keys/${key.body.id}`, owner, { permissions: ["tasks:read"], expiresAt });
  const after = (await write()).status;
  const other = await createOtherWorkspaceKey();
  const otherKeyId = (await call("GET", "/me", other.secret)).body.key as { id: string };
  expect({
    before,
    patched: [patched.status, patched.body.permissions, patched.body.expiresAt],
    after,
    member: (await call("PATCH", `/workspaces/current/api-keys/${key.body.id}`, member, { permissions: null })).status,
    unchanged: (await call("GET", `/workspaces/current/api-keys/${key.body.id}`, member)).body.permissions,
    otherWorkspace: (await call("PATCH", `/workspaces/current/api-keys/${otherKeyId.id}`, owner, { permissions: null })).status,
    empty: await call("PATCH", `/workspaces/current/api-keys/${key.body.id}`, owner, {}).then((r) => [
      r.status,
      Object.keys(r.body.fields ?? {}),
    ]),
  }).toEqual({
    before: 201,
    patched: [200, ["tasks:read"], expiresAt],
    after: 403,
    member: 403,
    unchanged: ["tasks:read"],
    otherWorkspace: 404,
    empty: [400, ["body"]],
  });
});

test("GET /me: a key sees its workspace and its key object; a person sees themselves and their current workspace", async () => {
  const key = await createKey({ description: "rest-me", permissions: ["tasks:read"] });
  const asKey = await call("GET", "/me", key.body.secret as string);
  const asPerson = await call("GET", "/me", member);
  expect({
    key: [
      asKey.status,
      asKey.body.type,
      (asKey.body.key as { id: string; permissions: unknown }).id,
      (asKey.body.key as { permissions: unknown }).permissions,
    ],
    counted: asKey.headers.get("ratelimit") !== null,
    workspace: Object.keys(asKey.body.workspace as object).sort(),
    person: [
      asPerson.status,
      asPerson.body.type,
      (asPerson.body.user as { email: string }).email,
      (asPerson.body.workspace as { role: string }).role,
    ],
    anonymous: (await call("GET", "/me")).status,
  }).toEqual({
    key: [200, "apiKey", key.body.id, ["tasks:read"]],
    counted: true,
    workspace: ["id", "name", "slug"],
    person: [200, "user", "member@example.com", "MEMBER"],
    anonymous: 401,
  });
});

test("the workspace's usage in one answer, and a key's insights; API keys get 403 on both", async () => {
  const key = await createKey({ description: "rest-insights" });
  const secret = key.body.secret as string;
  await call("GET", "/workspaces/current/tasks", secret);
  await call("GET", "/workspaces/current/tasks", secret);
  // Counts reach the database within seconds (the usage flush).
  let insights = await call("GET", `/workspaces/current/api-keys/${key.body.id}/insights`, member);
  for (let i = 0; i < 40 && insights.body.requests !== 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    insights = await call("GET", `/workspaces/current/api-keys/${key.body.id}/insights`, member);
  }
  const usage = await call("GET", "/workspaces/current/api-keys/usage?range=7d", member);
  const entry = usage.body.data!.find((row) => row.keyId === key.body.id) as { buckets: unknown[]; totals: Record<string, unknown> };
  expect({
    insights: [insights.status, insights.body.windowDays, insights.body.requests, insights.body.permissions],
    usage: [
      usage.status,
      usage.body.range,
      usage.body.bucketSeconds,
      entry.buckets.length,
      entry.totals.byPermission,
      entry.totals.forbidden,
    ],
    keyOnInsights: (await call("GET", `/workspaces/current/api-keys/${key.body.id}/insights`, secret)).status,
    keyOnUsage: (await call("GET", "/workspaces/current/api-keys/usage", secret)).status,
  }).toEqual({
    insights: [200, 30, 2, { granted: ["tasks:write"], used: ["tasks:read"], unused: ["tasks:write"], suggested: ["tasks:read"] }],
    usage: [200, "7d", 86400, 7, { "tasks:read": 2 }, 0],
    keyOnInsights: 403,
    keyOnUsage: 403,
  });
});
