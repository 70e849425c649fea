// What every key does: usage by outcome (counted in memory, flushed in one statement), the audit
// log with its filters and keyset pagination, and what members may see of it.
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { rollApiKey } from "@/lib/api-keys/roll";
import { listActivity, listAuditEvents } from "@/lib/audit-log/list";
import { db } from "@/lib/db/client";
import { flushUsage, pruneUsage } from "@/lib/usage/counter";
import { getApiKeyUsage } from "@/lib/usage/get";
import { createWorkspace } from "./fixtures";
import { outcome } from "./helpers/outcome";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
beforeAll(async () => {
  ws = await createWorkspace();
});

const call = (secret: string) => authenticateApiKey(secret, { ip: "198.51.100.30", userAgent: "vitest" });
const totals = async (keyId: string) => (await getApiKeyUsage(ws.member, { keyId, query: { range: "24h" } })).totals;

describe("usage by outcome", () => {
  it("counts ok, rate-limited and denied requests of each key, and nothing of another", async () => {
    await db().workspace.update({ where: { id: ws.workspace.id }, data: { rateLimitBurst: 3 } });
    const busy = await createApiKey(ws.owner, { description: "busy" });
    const quiet = await createApiKey(ws.owner, { description: "quiet" });
    for (let i = 0; i < 5; i++) await call(busy.secret); // 3 ok, 2 rate limited
    const rolled = await rollApiKey(ws.owner, { keyId: busy.id, options: { previousSecretExpiresInSeconds: 0 } });
    await call(busy.secret); // the retired previous secret: denied
    await revokeApiKey(ws.owner, { keyId: rolled.id });
    await call(rolled.secret); // revoked: denied
    await flushUsage();
    expect({ busy: await totals(busy.id), quiet: await totals(quiet.id) }).toEqual({
      busy: { ok: 3, rateLimited: 2, denied: 2, forbidden: 0, blockedNetwork: 0, outsideNetwork: 0, byPermission: {} },
      quiet: { ok: 0, rateLimited: 0, denied: 0, forbidden: 0, blockedNetwork: 0, outsideNetwork: 0, byPermission: {} },
    });
    await db().workspace.update({ where: { id: ws.workspace.id }, data: { rateLimitBurst: 40 } });
  });

  it("flushes add up: counts written in several flushes (as by several instances) are summed, never counted twice", async () => {
    const key = await createApiKey(ws.owner, { description: "summed" });
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: 4 }, () => call(key.secret)));
      await Promise.all([flushUsage(), flushUsage()]);
    }
    await flushUsage();
    expect((await totals(key.id)).ok).toBe(12);
  });

  it.each([
    ["24h", 24, 3600],
    ["7d", 7, 86400],
    ["30d", 30, 86400],
  ])("%s has %i buckets of %i seconds, oldest first, the last one the current hour or day", async (range, count, seconds) => {
    const key = await createApiKey(ws.owner, { description: `range ${range}` });
    const usage = await getApiKeyUsage(ws.member, { keyId: key.id, query: { range } });
    const starts = usage.buckets.map((b) => Date.parse(b.start));
    const now = Date.now();
    expect({
      count: usage.buckets.length,
      bucketSeconds: usage.bucketSeconds,
      evenlySpaced: starts.every((s, i) => i === 0 || s - starts[i - 1]! === seconds * 1000),
      lastIsCurrent: starts.at(-1)! <= now && now < starts.at(-1)! + seconds * 1000,
    }).toEqual({ count, bucketSeconds: seconds, evenlySpaced: true, lastIsCurrent: true });
  });

  it("30d sums a key's hourly rows into their UTC days, and leaves out rows older than the first day", async () => {
    const key = await createApiKey(ws.owner, { description: "daily sums" });
    const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const at = (daysAgo: number, hour: number) => new Date(today - daysAgo * 86_400_000 + hour * 3_600_000);
    await db().apiKeyUsage.createMany({
      data: [
        { keyId: key.id, hour: at(0, Math.floor((Date.now() - today) / 3_600_000)), ok: 2, rateLimited: 1, denied: 0 },
        { keyId: key.id, hour: at(3, 0), ok: 1, rateLimited: 0, denied: 0 },
        { keyId: key.id, hour: at(3, 23), ok: 4, rateLimited: 0, denied: 1 },
        { keyId: key.id, hour: at(29, 0), ok: 8, rateLimited: 0, denied: 0 },
        { keyId: key.id, hour: at(30, 23), ok: 16, rateLimited: 0, denied: 0 },
      ],
    });
    const usage = await getApiKeyUsage(ws.member, { keyId: key.id, query: { range: "30d" } });
    const nonEmpty = usage.buckets.filter((b) => b.ok + b.rateLimited + b.denied > 0);
    expect(nonEmpty).toEqual([
      {
        start: at(29, 0).toISOString(),
        ok: 8,
        rateLimited: 0,
        denied: 0,
        forbidden: 0,
        blockedNetwork: 0,
        outsideNetwork: 0,
        byPermission: {},
      },
      {
        start: at(3, 0).toISOString(),
        ok: 5,
        rateLimited: 0,
        denied: 1,
        forbidden: 0,
        blockedNetwork: 0,
        outsideNetwork: 0,
        byPermission: {},
      },
      {
        start: at(0, 0).toISOString(),
        ok: 2,
        rateLimited: 1,
        denied: 0,
        forbidden: 0,
        blockedNetwork: 0,
        outsideNetwork: 0,
        byPermission: {},
      },
    ]);
  });

  it("is for members of the key's workspace; a bad range names the field", async () => {
    const key = await createApiKey(ws.owner, { description: "private usage" });
    const other = await createWorkspace();
    expect({
      otherWorkspace: await outcome(() => getApiKeyUsage(other.owner, { keyId: key.id, query: {} })),
      badRange: await outcome(() => getApiKeyUsage(ws.owner, { keyId: key.id, query: { range: "1y" } })),
    }).toEqual({ otherWorkspace: "not_found", badRange: "invalid_input" });
  });

  it("rows older than 90 days are deleted by the clean-up, newer ones kept", async () => {
    const key = await createApiKey(ws.owner, { description: "retention" });
    const hour = (daysAgo: number) => new Date(Math.floor((Date.now() - daysAgo * 86_400_000) / 3_600_000) * 3_600_000);
    await db().apiKeyUsage.createMany({
      data: [
        { keyId: key.id, hour: hour(91), ok: 1 },
        { keyId: key.id, hour: hour(89), ok: 1 },
      ],
    });
    await pruneUsage();
    const left = await db().apiKeyUsage.findMany({ where: { keyId: key.id } });
    expect(left.map((row) => row.hour.getTime())).toEqual([hour(89).getTime()]);
  });
});

describe("the audit log", () => {
  it("pages through every event exactly once, newest first, with keyset cursors", async () => {
    const fresh = await createWorkspace();
    for (let i = 0; i < 7; i++) await createApiKey(fresh.owner, { description: `page-${i}` });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEvents(fresh.admin, { limit: "3", cursor });
      seen.push(...page.data.map((e) => e.target.description ?? ""));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect({ pages, seen }).toEqual({ pages: 3, seen: [6, 5, 4, 3, 2, 1, 0].map((i) => `page-${i}`) });
  });

  it("filters by action and by target", async () => {
    const fresh = await createWorkspace();
    const a = await createApiKey(fresh.owner, { description: "a" });
    await createApiKey(fresh.owner, { description: "b" });
    await revokeApiKey(fresh.owner, { keyId: a.id });
    const byAction = await listAuditEvents(fresh.owner, { action: "api_key.revoked" });
    const byTarget = await listAuditEvents(fresh.owner, { targetId: a.id });
    expect({
      byAction: byAction.data.map((e) => `${e.action} ${e.target.description}`),
      byTarget: byTarget.data.map((e) => e.action),
    }).toEqual({ byAction: ["api_key.revoked a"], byTarget: ["api_key.revoked", "api_key.created"] });
  });

  it("names who acted, with their address and user agent, never a secret", async () => {
    const fresh = await createWorkspace();
    const key = await createApiKey(fresh.admin, { description: "named" });
    const [event] = (await listAuditEvents(fresh.owner, {})).data;
    expect({ event, leaks: JSON.stringify(event).includes(key.secret.slice(4)) }).toEqual({
      event: {
        id: expect.any(String),
        action: "api_key.created",
        createdAt: expect.any(String),
        actor: { type: "user", id: fresh.admin.userId, name: fresh.admin.name, email: fresh.admin.email },
        target: { type: "api_key", id: key.id, description: "named" },
        ip: "203.0.113.7",
        userAgent: "vitest",
        metadata: { description: "named", hint: key.hint, expiresAt: null, permissions: null, allowedNetworks: null, networkMode: null },
      },
      leaks: false,
    });
  });

  it.each([
    ["owner", "ok", "ok", "203.0.113.7"],
    ["admin", "ok", "ok", "203.0.113.7"],
    ["member", "forbidden", "ok", null],
    ["outsider", "not_found", "not_found", undefined],
  ] as const)("%s: audit log %s, activity %s, addresses %s", async (role, audit, activity, ip) => {
    const fresh = await createWorkspace();
    await createApiKey(fresh.owner, { description: "seen" });
    const actor = fresh[role];
    const page = await listActivity(actor, {}).catch(() => null);
    expect({
      audit: await outcome(() => listAuditEvents(actor, {})),
      activity: await outcome(() => listActivity(actor, {})),
      ip: page?.data[0]?.ip,
      userAgent: page ? page.data[0]?.userAgent !== null : undefined,
    }).toEqual({ audit, activity, ip, userAgent: ip === undefined ? undefined : ip !== null });
  });

  it.each([
    ["limit over 100", { limit: "101" }],
    ["limit 0", { limit: "0" }],
    ["a forged cursor", { cursor: "bm9wZQ" }],
    ["an unknown action shape", { action: "DROP TABLE" }],
    ["a target that cannot be an id", { targetId: "' OR 1=1" }],
  ])("%s is refused as bad input", async (_name, query) => {
    expect(await outcome(() => listAuditEvents(ws.owner, query))).toBe("invalid_input");
  });
});
