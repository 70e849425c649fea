// The key lifecycle over REST with real tokens: roll and use both secrets, watch the old one
// retire, expiry, rename, usage and the audit log, and workspaces.
import { expect, test } from "@playwright/test";
import { revokeAllAcmeKeys, workspaceId } from "../helpers/db";
import { call, userToken } from "./callers";

let owner: string;
let member: string;
test.beforeAll(async () => {
  await revokeAllAcmeKeys();
  [owner, member] = await Promise.all([userToken("owner@example.com"), userToken("member@example.com")]);
});

const tasksWith = (secret: string) => call("GET", "/workspaces/current/tasks", secret);

test("rolling a key: both secrets work, the old one retires at its deadline, the key stays the same", async () => {
  const created = await call("POST", "/workspaces/current/api-keys", owner, { description: "rest-roll" });
  const rolled = await call("POST", `/workspaces/current/api-keys/${created.body.id}/roll`, owner, { previousSecretExpiresInSeconds: 2 });
  const during = [(await tasksWith(created.body.secret as string)).status, (await tasksWith(rolled.body.secret as string)).status];
  await new Promise((resolve) => setTimeout(resolve, 2200));
  const old = await tasksWith(created.body.secret as string);
  const after = (await tasksWith(rolled.body.secret as string)).status;
  expect({
    status: rolled.status,
    noStore: rolled.headers.get("cache-control"),
    sameKey: rolled.body.id === created.body.id,
    previous: (rolled.body.previousSecret as { hint: string }).hint === created.body.hint,
    during,
    old: [old.status, old.body.message],
    after,
  }).toEqual({
    status: 200,
    noStore: "no-store",
    sameKey: true,
    previous: true,
    during: [200, 200],
    old: [401, "This secret was replaced when the key was rolled, and no longer works. Use the key's new secret."],
    after: 200,
  });
});

test("a roll with no body uses the default grace period of 24 hours", async () => {
  const created = await call("POST", "/workspaces/current/api-keys", owner, { description: "rest-roll-default" });
  const rolled = await call("POST", `/workspaces/current/api-keys/${created.body.id}/roll`, owner);
  const deadline = Date.parse((rolled.body.previousSecret as { expiresAt: string }).expiresAt) - Date.now();
  expect({ status: rolled.status, about24h: deadline > 86_300_000 && deadline <= 86_400_000 }).toEqual({ status: 200, about24h: true });
});

test("an expired key gets 401 saying when it expired, and stays listed as expired", async () => {
  const expiresAt = new Date(Date.now() + 2 * 3600_000).toISOString();
  const created = await call("POST", "/workspaces/current/api-keys", owner, { description: "rest-expiry", expiresAt });
  const { sql } = await import("../helpers/db");
  const past = new Date(Date.now() - 60_000);
  await sql("UPDATE api_keys SET expires_at = $2 WHERE id = $1", [created.body.id, past]);
  const refused = await tasksWith(created.body.secret as string);
  const listed = await call("GET", "/workspaces/current/api-keys", member);
  const entry = listed.body.data!.find((k) => k.id === created.body.id);
  expect({ created: created.body.expiresAt, refused: [refused.status, refused.body.message], status: entry?.status }).toEqual({
    created: expiresAt,
    refused: [401, `This API key expired at ${past.toISOString()}.`],
    status: "expired",
  });
});

test("a 409 body says why: key_revoked, key_expired (the cap's key_limit_reached is in e2e/sdk.spec.ts)", async () => {
  const revoked = await call("POST", "/workspaces/current/api-keys", owner, { description: "rest-409-revoked" });
  await call("DELETE", `/workspaces/current/api-keys/${revoked.body.id}`, owner);
  const rename = await call("PATCH", `/workspaces/current/api-keys/${revoked.body.id}`, owner, { description: "too late" });
  const expired = await call("POST", "/workspaces/current/api-keys", owner, { description: "rest-409-expired" });
  const { sql } = await import("../helpers/db");
  await sql("UPDATE api_keys SET expires_at = now() - interval '1 minute' WHERE id = $1", [expired.body.id]);
  const roll = await call("POST", `/workspaces/current/api-keys/${expired.body.id}/roll`, owner);
  expect([rename.status, rename.body.code, rename.body.reason, roll.status, roll.body.code, roll.body.reason]).toEqual([
    409,
    409,
    "key_revoked",
    409,
    409,
    "key_expired",
  ]);
  expect([rename.body.message, roll.body.message]).toEqual([
    "This API key was revoked, so it cannot be renamed. Create a new key instead.",
    "This API key has expired, so it cannot be rolled. Create a new key instead.",
  ]);
});

test.describe("bad input names the field", () => {
  const cases: Array<[string, string, string, unknown, string]> = [
    [
      "create: expiresAt in 10 minutes",
      "POST",
      "",
      { description: "x", expiresAt: new Date(Date.now() + 600_000).toISOString() },
      "expiresAt",
    ],
    ["create: expiresAt not a date", "POST", "", { description: "x", expiresAt: "soon" }, "expiresAt"],
    ["roll: grace over 7 days", "POST", "/roll", { previousSecretExpiresInSeconds: 604_801 }, "previousSecretExpiresInSeconds"],
    ["roll: grace as text", "POST", "/roll", { previousSecretExpiresInSeconds: "1h" }, "previousSecretExpiresInSeconds"],
    ["rename: empty", "PATCH", "", { description: " " }, "description"],
    ["change: nothing to change", "PATCH", "", {}, "body"],
  ];
  for (const [name, method, suffix, body, field] of cases) {
    test(name, async () => {
      const key = await call("POST", "/workspaces/current/api-keys", owner, { description: "bad-input-target" });
      const path =
        method === "POST" && suffix === "" ? "/workspaces/current/api-keys" : `/workspaces/current/api-keys/${key.body.id}${suffix}`;
      const response = await call(method, path, owner, body);
      expect({ status: response.status, field: Object.keys((response.body.fields as object) ?? {}) }).toEqual({
        status: 400,
        field: [field],
      });
    });
  }
});

test("rename, then see the change and the roll in the key's audit trail; a member may not", async () => {
  const key = await call("POST", "/workspaces/current/api-keys", owner, { description: "rest-rename" });
  const renamed = await call("PATCH", `/workspaces/current/api-keys/${key.body.id}`, owner, { description: "rest-renamed" });
  const refused = await call("PATCH", `/workspaces/current/api-keys/${key.body.id}`, member, { description: "member-was-here" });
  const trail = await call("GET", `/workspaces/current/audit-events?targetId=${key.body.id}`, owner);
  expect({
    renamed: [renamed.status, renamed.body.description],
    refused: refused.status,
    trail: trail.body.data!.map((e) => e.action),
  }).toEqual({ renamed: [200, "rest-renamed"], refused: 403, trail: ["api_key.updated", "api_key.created"] });
});

test("usage shows a key's requests by outcome within 10 seconds", async () => {
  const key = await call("POST", "/workspaces/current/api-keys", owner, { description: "rest-usage" });
  for (let i = 0; i < 3; i++) await tasksWith(key.body.secret as string);
  let totals: unknown;
  for (let i = 0; i < 20; i++) {
    totals = (await call("GET", `/workspaces/current/api-keys/${key.body.id}/usage?range=24h`, member)).body.totals;
    if ((totals as { ok: number }).ok === 3) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(totals).toEqual({
    ok: 3,
    rateLimited: 0,
    denied: 0,
    forbidden: 0,
    blockedNetwork: 0,
    outsideNetwork: 0,
    byPermission: { "tasks:read": 3 },
  });
});

test("workspaces: the list with roles, selecting one by id, and 405 for PUT on any other id", async () => {
  const [acme, globex] = await Promise.all([workspaceId("acme"), workspaceId("globex")]);
  const before = await call("GET", "/workspaces", owner);
  const selected = await call("PUT", "/workspaces/current", owner, { workspaceId: globex });
  const currentTasks = await call("GET", "/workspaces/current/api-keys", owner);
  const back = await call("PUT", "/workspaces/current", owner, { workspaceId: acme });
  const notMine = await call("PUT", "/workspaces/current", await userToken("admin@example.com"), { workspaceId: globex });
  const otherId = await call("PUT", `/workspaces/${acme}`, owner, { workspaceId: acme });
  expect({
    before: before.body.data!.map((w) => [w.slug, w.role, w.current]),
    selected: [selected.status, selected.body.slug, selected.body.current],
    listAsMember: currentTasks.status,
    back: back.status,
    notMine: notMine.status,
    otherId: otherId.status,
  }).toEqual({
    before: [
      ["acme", "OWNER", true],
      ["globex", "MEMBER", false],
    ],
    selected: [200, "globex", true],
    listAsMember: 200,
    back: 200,
    notMine: 404,
    otherId: 405,
  });
});
