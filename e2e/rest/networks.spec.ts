// Allowed networks over REST, with real tokens from the local provider. This server trusts no
// proxy, so the client address is the loopback address the test connects from.
import { expect, test } from "@playwright/test";
import { resetAcmeRateLimit, revokeAllAcmeKeys } from "../helpers/db";
import { call, userToken } from "./callers";

let owner: string;
let member: string;
test.beforeAll(async () => {
  await revokeAllAcmeKeys();
  [owner, member] = await Promise.all([userToken("owner@example.com"), userToken("member@example.com")]);
});

// Acme's requests share one budget with the specs that follow.
test.afterAll(resetAcmeRateLimit);

const createKey = (body: Record<string, unknown>) => call("POST", "/workspaces/current/api-keys", owner, body);
const LOOPBACK = ["127.0.0.1/32", "::1/128"];

test("a key inside its networks is served; outside them in enforce mode it gets 403 naming the address, without using the limit", async () => {
  const inside = await createKey({ description: "rest-inside", allowedNetworks: ["127.0.0.1", "::1"] });
  const outside = await createKey({ description: "rest-outside", allowedNetworks: ["203.0.113.0/24"] });
  const served = await call("GET", "/workspaces/current/tasks", inside.body.secret as string);
  const refused = await call("GET", "/workspaces/current/tasks", outside.body.secret as string);
  expect({
    stored: [inside.body.allowedNetworks, inside.body.networkMode],
    served: served.status,
    refused: [refused.status, refused.headers.get("ratelimit")],
    address: ["127.0.0.1", "::1"].includes(refused.body.clientAddress as string),
    message: (refused.body.message as string).includes(refused.body.clientAddress as string),
  }).toEqual({ stored: [LOOPBACK, "enforce"], served: 200, refused: [403, null], address: true, message: true });
});

test("report mode serves requests from outside and counts them as outsideNetwork", async () => {
  const key = await createKey({ description: "rest-report", allowedNetworks: ["203.0.113.0/24"], networkMode: "report" });
  const served = await call("GET", "/workspaces/current/tasks", key.body.secret as string);
  await expect
    .poll(async () => (await call("GET", `/workspaces/current/api-keys/${key.body.id}/usage`, member)).body.totals, { timeout: 20_000 })
    .toMatchObject({ ok: 1, outsideNetwork: 1, blockedNetwork: 0 });
  expect(served.status).toBe(200);
});

for (const [name, body, field] of [
  ["host bits set", { allowedNetworks: ["203.0.113.0/24", "203.0.113.7/24"] }, "allowedNetworks.1"],
  ["an empty list", { allowedNetworks: [] }, "allowedNetworks"],
  ["a mode without a list", { networkMode: "report" }, "networkMode"],
] as const) {
  test(`${name} is refused with 400 naming ${field}`, async () => {
    const response = await createKey({ description: "rest-bad-networks", ...body });
    expect([response.status, Object.keys(response.body.fields ?? {})]).toEqual([400, [field]]);
    if (name === "host bits set") expect(response.body.message).toContain("203.0.113.0/24");
  });
}

test("PATCH moves a key into and out of its networks from the next request", async () => {
  const key = await createKey({ description: "rest-patched-networks" });
  const secret = key.body.secret as string;
  const before = (await call("GET", "/workspaces/current/tasks", secret)).status;
  const narrowed = await call("PATCH", `/workspaces/current/api-keys/${key.body.id}`, owner, { allowedNetworks: ["203.0.113.0/24"] });
  const during = (await call("GET", "/workspaces/current/tasks", secret)).status;
  const widened = await call("PATCH", `/workspaces/current/api-keys/${key.body.id}`, owner, { allowedNetworks: null });
  const after = (await call("GET", "/workspaces/current/tasks", secret)).status;
  expect({
    statuses: [before, during, after],
    narrowed: [narrowed.body.allowedNetworks, narrowed.body.networkMode],
    widened: [widened.body.allowedNetworks, widened.body.networkMode],
    member: (await call("PATCH", `/workspaces/current/api-keys/${key.body.id}`, member, { allowedNetworks: null })).status,
  }).toEqual({
    statuses: [200, 403, 200],
    narrowed: [["203.0.113.0/24"], "enforce"],
    widened: [null, null],
    member: 403,
  });
});

test("GET …/addresses lists where a key was used from, for members; an API key gets 403 and a bad window 400", async () => {
  const key = await createKey({ description: "rest-addresses", allowedNetworks: ["203.0.113.0/24"], networkMode: "report" });
  const secret = key.body.secret as string;
  await call("GET", "/workspaces/current/tasks", secret);
  const path = `/workspaces/current/api-keys/${key.body.id}/addresses`;
  await expect.poll(async () => (await call("GET", path, member)).body.data, { timeout: 20_000 }).toHaveLength(1);
  const [row] = (await call("GET", path, member)).body.data as Record<string, unknown>[];
  expect({
    row: { ...row, address: ["127.0.0.1", "::1/64"].includes(row!.address as string) },
    byKey: (await call("GET", path, secret)).status,
    badWindow: Object.keys((await call("GET", `${path}?days=31`, member)).body.fields ?? {}),
  }).toEqual({
    row: {
      address: true,
      firstSeenAt: expect.any(String),
      lastSeenAt: expect.any(String),
      requests: 1,
      lastUserAgent: expect.any(String),
      allowed: false,
    },
    byKey: 403,
    badWindow: ["days"],
  });
});
