// Every endpoint × every kind of caller → the status docs/product.md promises, against the real
// app and database, with real tokens from the local provider.
import { expect, test } from "@playwright/test";
import { generateSecret } from "../../lib/api-keys/secret";
import { revokeAllAcmeKeys } from "../helpers/db";
import { acmeId, call, createOtherWorkspaceKey, expiredUserToken, userToken, wronglySignedToken } from "./callers";

type Caller =
  | "anonymous"
  | "malformed token"
  | "unknown key"
  | "revoked key"
  | "key of workspace A"
  | "key of workspace B"
  | "owner token"
  | "admin token"
  | "member token"
  | "outsider token"
  | "expired JWT"
  | "wrongly signed JWT";

const tokens = {} as Record<Caller, string | undefined>;
const ids = { workspace: "", key: "", victimKey: "", rollKey: "", task: "" };

test.beforeAll(async () => {
  await revokeAllAcmeKeys();
  ids.workspace = await acmeId();
  const [owner, admin, member, outsider] = await Promise.all(
    ["owner", "admin", "member", "outsider"].map((who) => userToken(`${who}@example.com`)),
  );
  const keyA = await call("POST", "/workspaces/current/api-keys", owner, { description: "matrix-key-a" });
  const revoked = await call("POST", "/workspaces/current/api-keys", owner, { description: "matrix-revoked" });
  await call("DELETE", `/workspaces/current/api-keys/${revoked.body.id}`, owner);
  const victim = await call("POST", "/workspaces/current/api-keys", owner, { description: "matrix-victim" });
  const rolled = await call("POST", "/workspaces/current/api-keys", owner, { description: "matrix-rolled" });
  const task = await call("POST", "/workspaces/current/tasks", owner, { title: "matrix task" });
  Object.assign(ids, { key: keyA.body.id, victimKey: victim.body.id, rollKey: rolled.body.id, task: task.body.id });
  Object.assign(tokens, {
    anonymous: undefined,
    "malformed token": "one_not-a-real-key",
    "unknown key": generateSecret(),
    "revoked key": revoked.body.secret,
    "key of workspace A": keyA.body.secret,
    "key of workspace B": (await createOtherWorkspaceKey()).secret,
    "owner token": owner,
    "admin token": admin,
    "member token": member,
    "outsider token": outsider,
    "expired JWT": await expiredUserToken(),
    "wrongly signed JWT": await wronglySignedToken(),
  });
});

const UNAUTHENTICATED = {
  anonymous: 401,
  "malformed token": 401,
  "unknown key": 401,
  "revoked key": 401,
  "expired JWT": 401,
  "wrongly signed JWT": 401,
} as const;
const usersOnly = (owner: number, admin: number, member: number) =>
  ({
    ...UNAUTHENTICATED,
    "key of workspace A": 403,
    "key of workspace B": 403,
    "owner token": owner,
    "admin token": admin,
    "member token": member,
    "outsider token": 404,
  }) as const;
const usersAndKeys = (ok: number) =>
  ({
    ...UNAUTHENTICATED,
    "key of workspace A": ok,
    "key of workspace B": 404,
    "owner token": ok,
    "admin token": ok,
    "member token": ok,
    "outsider token": 404,
  }) as const;

const ENDPOINTS: Array<{ name: string; method: string; path: () => string; body?: unknown; expected: Record<Caller, number> }> = [
  { name: "list keys", method: "GET", path: () => `/workspaces/${ids.workspace}/api-keys`, expected: usersOnly(200, 200, 200) },
  {
    name: "create key",
    method: "POST",
    path: () => `/workspaces/${ids.workspace}/api-keys`,
    body: { description: "matrix-created" },
    expected: usersOnly(201, 201, 403),
  },
  { name: "get key", method: "GET", path: () => `/workspaces/${ids.workspace}/api-keys/${ids.key}`, expected: usersOnly(200, 200, 200) },
  {
    name: "rename key",
    method: "PATCH",
    path: () => `/workspaces/${ids.workspace}/api-keys/${ids.key}`,
    body: { description: "matrix-key-a" },
    expected: usersOnly(200, 200, 403),
  },
  {
    name: "roll key",
    method: "POST",
    path: () => `/workspaces/${ids.workspace}/api-keys/${ids.rollKey}/roll`,
    body: { previousSecretExpiresInSeconds: 60 },
    expected: usersOnly(200, 200, 403),
  },
  {
    name: "key usage",
    method: "GET",
    path: () => `/workspaces/${ids.workspace}/api-keys/${ids.key}/usage?range=7d`,
    expected: usersOnly(200, 200, 200),
  },
  { name: "audit log", method: "GET", path: () => `/workspaces/${ids.workspace}/audit-events?limit=5`, expected: usersOnly(200, 200, 403) },
  {
    name: "revoke key",
    method: "DELETE",
    path: () => `/workspaces/${ids.workspace}/api-keys/${ids.victimKey}`,
    expected: usersOnly(200, 200, 403),
  },
  { name: "list tasks", method: "GET", path: () => `/workspaces/${ids.workspace}/tasks?all=true`, expected: usersAndKeys(200) },
  {
    name: "create task",
    method: "POST",
    path: () => `/workspaces/${ids.workspace}/tasks`,
    body: { title: "from the matrix" },
    expected: usersAndKeys(201),
  },
  { name: "get task", method: "GET", path: () => `/workspaces/${ids.workspace}/tasks/${ids.task}`, expected: usersAndKeys(200) },
  {
    name: "update task",
    method: "PATCH",
    path: () => `/workspaces/${ids.workspace}/tasks/${ids.task}`,
    body: { done: true },
    expected: usersAndKeys(200),
  },
  { name: "agent activity", method: "GET", path: () => `/workspaces/${ids.workspace}/agent/activity`, expected: usersOnly(200, 200, 200) },
  {
    name: "an agent path that is not served",
    method: "GET",
    path: () => `/workspaces/${ids.workspace}/agent/workers`,
    expected: usersOnly(404, 404, 404),
  },
];

for (const endpoint of ENDPOINTS) {
  test(`${endpoint.method} ${endpoint.name}: every caller gets the documented status`, async () => {
    const actual = {} as Record<Caller, number>;
    for (const caller of Object.keys(endpoint.expected) as Caller[]) {
      actual[caller] = (await call(endpoint.method, endpoint.path(), tokens[caller], endpoint.body)).status;
    }
    expect(actual).toEqual(endpoint.expected);
  });
}

test("an API key on api-keys routes is told to use an owner's or admin's OAuth token", async () => {
  const { body } = await call("GET", "/workspaces/current/api-keys", tokens["key of workspace A"]);
  expect(body).toEqual({
    code: 403,
    message: "API keys cannot list, create, change or revoke API keys. Use an OAuth token from a workspace owner or admin.",
  });
});

test("an API key on agent routes is told they need an OAuth user token", async () => {
  const { body } = await call("GET", "/workspaces/current/agent/activity", tokens["key of workspace A"]);
  expect(body.message).toMatch(/OAuth access token of a user/);
});

test("401 responses say how to authenticate with WWW-Authenticate: Bearer", async () => {
  const { status, headers } = await call("GET", "/workspaces/current/tasks", tokens["unknown key"]);
  expect({ status, challenge: headers.get("www-authenticate")?.startsWith("Bearer") }).toEqual({ status: 401, challenge: true });
});

test("`current` is the key's own workspace, and a key can never reach another workspace's data", async () => {
  const b = tokens["key of workspace B"];
  const own = await call("GET", "/workspaces/current/tasks?all=true", b);
  const acme = await call("GET", `/workspaces/${ids.workspace}/tasks/${ids.task}`, b);
  const patch = await call("PATCH", `/workspaces/${ids.workspace}/tasks/${ids.task}`, b, { title: "hijacked" });
  expect({ own: own.status, ownTasks: own.body.data?.length, acme: acme.status, patch: patch.status }).toEqual({
    own: 200,
    ownTasks: 0,
    acme: 404,
    patch: 404,
  });
});

test("the session cookie is accepted for GET but not for changes", async ({ page }) => {
  const { signIn } = await import("../helpers/sign-in");
  await signIn(page, "owner@example.com");
  const get = await page.request.get("/api/v1/workspaces/current/tasks");
  const post = await page.request.post("/api/v1/workspaces/current/tasks", { data: { title: "via cookie" } });
  expect({ get: get.status(), post: post.status() }).toEqual({ get: 200, post: 401 });
});
