// The key policy and revoke-all over REST, with real tokens from the local provider: the role
// table (owner, admin, member, API key × read the policy, change it, revoke all), refusals naming
// the field, a create refused by the policy, and revoke-all's answer and effect. Acme's policy is
// put back to open afterwards, so the specs that follow create keys freely.
import { expect, test } from "@playwright/test";
import { insertAcmeKey, resetAcmeRateLimit, revokeAllAcmeKeys } from "../helpers/db";
import { call, userToken } from "./callers";

const OPEN = { maxLifetimeDays: null, defaultPermissions: null, requireAllowedNetworks: false, revokeUnusedAfterDays: null };
const POLICY = "/workspaces/current/api-key-policy";
const REVOKE_ALL = "/workspaces/current/api-keys/revoke-all";

let owner: string;
let admin: string;
let member: string;
test.beforeAll(async () => {
  await revokeAllAcmeKeys();
  [owner, admin, member] = await Promise.all([
    userToken("owner@example.com"),
    userToken("admin@example.com"),
    userToken("member@example.com"),
  ]);
});

test.afterAll(async () => {
  await call("PUT", POLICY, owner, OPEN);
  await resetAcmeRateLimit();
});

test("who may read and change the policy and revoke all keys", async () => {
  const key = await insertAcmeKey("policy-table");
  const statuses: Record<string, number[]> = {};
  for (const [who, token] of [
    ["admin", admin],
    ["member", member],
    ["api key", key.secret],
  ] as const) {
    statuses[who] = [
      (await call("GET", POLICY, token)).status,
      (await call("PUT", POLICY, token, { ...OPEN, maxLifetimeDays: 30 })).status,
      (await call("POST", REVOKE_ALL, token, { confirm: "acme" })).status,
    ];
  }
  // Last, the owner (whose revoke-all revokes the key used above).
  statuses.owner = [
    (await call("GET", POLICY, owner)).status,
    (await call("PUT", POLICY, owner, OPEN)).status,
    (await call("POST", REVOKE_ALL, owner, { confirm: "acme" })).status,
  ];
  expect(statuses).toEqual({ admin: [200, 403, 403], member: [200, 403, 403], "api key": [403, 403, 403], owner: [200, 200, 200] });
});

test("a policy is refused naming the field; one that holds refuses a key without an expiry, naming the maximum", async () => {
  const missing = await call("PUT", POLICY, owner, { maxLifetimeDays: 30 });
  const outOfRange = await call("PUT", POLICY, owner, { ...OPEN, revokeUnusedAfterDays: 3 });
  const put = await call("PUT", POLICY, owner, { ...OPEN, maxLifetimeDays: 30 });
  const refused = await call("POST", "/workspaces/current/api-keys", owner, { description: "rest-forever" });
  await call("PUT", POLICY, owner, OPEN);
  expect({
    missing: [missing.status, Object.keys(missing.body.fields ?? {}).sort()],
    outOfRange: [outOfRange.status, Object.keys(outOfRange.body.fields ?? {})],
    put: [put.status, put.body],
    refused: [refused.status, refused.body.fields],
  }).toEqual({
    missing: [400, ["defaultPermissions", "requireAllowedNetworks", "revokeUnusedAfterDays"]],
    outOfRange: [400, ["revokeUnusedAfterDays"]],
    put: [200, { ...OPEN, maxLifetimeDays: 30 }],
    refused: [400, { expiresAt: "This workspace's key policy allows keys to live at most 30 days. Choose an expiry within 30 days." }],
  });
});

test("revoke all: a wrong confirm changes nothing; the slug revokes every key, and the next request with any is refused", async () => {
  const [a, b] = [await insertAcmeKey("rest-all-a"), await insertAcmeKey("rest-all-b")];
  const wrong = await call("POST", REVOKE_ALL, owner, { confirm: "globex" });
  const stillWorks = (await call("GET", "/workspaces/current/tasks", a.secret)).status;
  const revoked = await call("POST", REVOKE_ALL, owner, { confirm: "acme" });
  expect({
    wrong: [wrong.status, Object.keys(wrong.body.fields ?? {})],
    stillWorks,
    revoked: [revoked.status, revoked.body],
    after: [
      (await call("GET", "/workspaces/current/tasks", a.secret)).status,
      (await call("GET", "/workspaces/current/tasks", b.secret)).status,
    ],
  }).toEqual({ wrong: [400, ["confirm"]], stillWorks: 200, revoked: [200, { revoked: 2 }], after: [401, 401] });
});
