// Where a key is used from, against the real database: requests are counted per IPv4 address and
// IPv6 /64 (mapped forms as IPv4, blocked requests included, unknown addresses left out) by the
// usage flush; the table judges each row against the key's current list; insights suggest the
// served addresses as a list; windows of whole days; and the prune's bound (90 days, 1,000
// networks per key, the least recently seen first).
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { updateApiKey } from "@/lib/api-keys/update";
import { db } from "@/lib/db/client";
import { execute, sql } from "@/lib/db/sql";
import type { AppError } from "@/lib/errors";
import { listKeyAddresses } from "@/lib/usage/addresses";
import { flushUsage, pruneUsage } from "@/lib/usage/counter";
import { getApiKeyInsights } from "@/lib/usage/insights";
import { createWorkspace } from "./fixtures";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
beforeAll(async () => {
  ws = await createWorkspace();
  await db().workspace.update({ where: { id: ws.workspace.id }, data: { rateLimitBurst: 100_000, rateLimitQuota: 100_000 } });
});

const call = (secret: string, ip: string | null, userAgent = "vitest") => authenticateApiKey(secret, { ip, userAgent });
const addressesOf = async (keyId: string, query: unknown = {}) => (await listKeyAddresses(ws.member, { keyId, query })).data;

describe("counting", () => {
  it("one row per IPv4 address and IPv6 /64, mapped forms as IPv4, latest first, with the latest user agent", async () => {
    const { id, secret } = await createApiKey(ws.owner, { description: "addresses" });
    await call(secret, "203.0.113.7", "ci/1");
    await call(secret, "::ffff:203.0.113.7", "ci/2");
    await call(secret, "2001:db8:1:2::1");
    await call(secret, "2001:db8:1:2:aaaa::9");
    await call(secret, "2001:db8:1:3::1");
    await call(secret, null);
    await flushUsage();
    const rows = await addressesOf(id);
    expect(rows.map(({ address, requests, lastUserAgent, allowed }) => ({ address, requests, lastUserAgent, allowed }))).toEqual([
      { address: "2001:db8:1:3::/64", requests: 1, lastUserAgent: "vitest", allowed: null },
      { address: "2001:db8:1:2::/64", requests: 2, lastUserAgent: "vitest", allowed: null },
      { address: "203.0.113.7", requests: 2, lastUserAgent: "ci/2", allowed: null },
    ]);
  });

  it("flushes add up (as two instances' do), and first and last seen span them", async () => {
    const { id, secret } = await createApiKey(ws.owner, { description: "two flushes" });
    await call(secret, "198.51.100.4");
    await flushUsage();
    await call(secret, "198.51.100.4");
    await call(secret, "198.51.100.4");
    await flushUsage();
    const [row] = await addressesOf(id);
    expect({ requests: row!.requests, ordered: row!.firstSeenAt < row!.lastSeenAt }).toEqual({ requests: 3, ordered: true });
  });

  it("blocked requests are listed, and `allowed` follows the key's current list", async () => {
    const { id, secret } = await createApiKey(ws.owner, { description: "judged", allowedNetworks: ["203.0.113.0/24"] });
    await call(secret, "203.0.113.1");
    const blocked = (await call(secret, "198.51.100.1")).outcome;
    await flushUsage();
    const judged = async () => Object.fromEntries((await addressesOf(id)).map((row) => [row.address, row.allowed]));
    const before = await judged();
    await updateApiKey(ws.owner, { keyId: id, changes: { allowedNetworks: ["198.51.100.0/24"] } });
    const after = await judged();
    await updateApiKey(ws.owner, { keyId: id, changes: { allowedNetworks: null } });
    expect({ blocked, before, after, cleared: await judged() }).toEqual({
      blocked: "blocked",
      before: { "203.0.113.1": true, "198.51.100.1": false },
      after: { "203.0.113.1": false, "198.51.100.1": true },
      cleared: { "203.0.113.1": null, "198.51.100.1": null },
    });
  });
});

describe("insights", () => {
  it("suggest the served addresses (not the blocked ones) and count requests outside the list in report mode", async () => {
    const { id, secret } = await createApiKey(ws.owner, {
      description: "insights",
      allowedNetworks: ["203.0.113.0/24"],
      networkMode: "report",
    });
    await call(secret, "203.0.113.1");
    await call(secret, "198.51.100.1");
    await call(secret, "2001:db8:1:2::1");
    await updateApiKey(ws.owner, { keyId: id, changes: { networkMode: "enforce" } });
    await call(secret, "192.0.2.1");
    await flushUsage();
    expect((await getApiKeyInsights(ws.member, { keyId: id })).networks).toEqual({
      addresses: 4,
      suggestedAllowedNetworks: ["198.51.100.1/32", "2001:db8:1:2::/64", "203.0.113.1/32"],
      outsideNetwork: 2,
    });
  });

  it.each([
    ["no traffic", 0, null],
    ["more than 50 addresses", 51, null],
    ["50 addresses", 50, 50],
  ])("with %s the suggestion is %s", async (_name, count, expected) => {
    const { id, secret } = await createApiKey(ws.owner, { description: "many addresses" });
    for (let i = 0; i < count; i++) await call(secret, `198.51.100.${i + 1}`);
    await flushUsage();
    const suggested = (await getApiKeyInsights(ws.member, { keyId: id })).networks.suggestedAllowedNetworks;
    expect(suggested === null ? null : suggested.length).toBe(expected);
  });
});

describe("windows and bounds", () => {
  const daysAgo = (keyId: string, network: string, days: number, requests = 1) =>
    execute(
      sql`INSERT INTO "api_key_addresses" ("key_id", "network", "day", "requests", "served", "first_seen_at", "last_seen_at", "last_address")
          VALUES (${keyId}, ${network}::inet, (now() AT TIME ZONE 'UTC')::date - ${days}::int, ${requests}, ${requests},
                  now() - make_interval(days => ${days}), now() - make_interval(days => ${days}), host(${network}::inet)::inet)`,
    );

  it("`days` counts whole UTC days, today included; 30 by default", async () => {
    const { id } = await createApiKey(ws.owner, { description: "windows" });
    await daysAgo(id, "203.0.113.1/32", 0, 2);
    await daysAgo(id, "203.0.113.1/32", 6, 3);
    await daysAgo(id, "203.0.113.2/32", 7);
    await daysAgo(id, "203.0.113.3/32", 30);
    const seen = async (query: unknown) => (await addressesOf(id, query)).map((row) => `${row.address}×${row.requests}`);
    expect({ week: await seen({ days: "7" }), month: await seen({}) }).toEqual({
      week: ["203.0.113.1×5"],
      month: ["203.0.113.1×5", "203.0.113.2×1"],
    });
  });

  it.each(["0", "31", "7.5", "a week"])("days=%s is refused naming days", async (days) => {
    const { id } = await createApiKey(ws.owner, { description: "bad window" });
    const fields = await addressesOf(id, { days }).then(
      () => [],
      (error: AppError) => Object.keys(error.fields ?? {}),
    );
    expect(fields).toEqual(["days"]);
  });

  it("the prune keeps 90 days and a key's 1,000 most recently seen networks", async () => {
    const { id } = await createApiKey(ws.owner, { description: "crowded" });
    await execute(
      sql`INSERT INTO "api_key_addresses" ("key_id", "network", "day", "requests", "served", "first_seen_at", "last_seen_at", "last_address")
          SELECT ${id}, ('10.0.' || (n / 256) || '.' || (n % 256) || '/32')::inet, (now() AT TIME ZONE 'UTC')::date, 1, 1,
                 now() - make_interval(secs => n), now() - make_interval(secs => n), ('10.0.' || (n / 256) || '.' || (n % 256))::inet
          FROM generate_series(0, 1004) AS n`,
    );
    await daysAgo(id, "10.0.0.0/32", 91);
    await pruneUsage();
    const rows = await db().$queryRaw<{ networks: number; oldest: string; days: number }[]>`
      SELECT count(DISTINCT "network")::int AS networks, max("network")::text AS oldest, count(DISTINCT "day")::int AS days
      FROM "api_key_addresses" WHERE "key_id" = ${id}`;
    // n = 0…999 are the most recently seen; 10.0.3.232 (n = 1000) is the first beyond them.
    expect(rows[0]).toEqual({ networks: 1000, oldest: "10.0.3.231/32", days: 1 });
  });

  it("members read it; the key must be in the actor's workspace", async () => {
    const { id } = await createApiKey(ws.owner, { description: "elsewhere" });
    const other = await createWorkspace();
    const outcome = await listKeyAddresses(other.owner, { keyId: id, query: {} }).then(
      () => "ok",
      (error: AppError) => error.code,
    );
    expect(outcome).toBe("not_found");
  });
});
