import { PrismaPg } from "@prisma/adapter-pg";
import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { consumeWorkspaceRequest, type RateLimitDecision } from "@/lib/rate-limit/consume";
import { checkFailedAuthThrottle, recordFailedAuth, throttleKey } from "@/lib/rate-limit/failed-auth";
import { rateLimitExceededMessage, rateLimitHeaders } from "@/lib/rate-limit/headers";
import { createWorkspace } from "./fixtures";

const ENV_KEYS = ["RATE_LIMIT_BURST_WINDOW_SECONDS", "RATE_LIMIT_QUOTA_WINDOW_SECONDS"] as const;
afterEach(() => {
  for (const key of ENV_KEYS) delete process.env[key];
});

/** A second Prisma client with its own connection pool: another app instance on the same database. */
let otherInstance: PrismaClient;
beforeAll(() => {
  otherInstance = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl") }) });
});
afterAll(async () => {
  await otherInstance.$disconnect();
});

async function newWorkspace(limits: { rateLimitBurst?: number; rateLimitQuota?: number } = {}) {
  const { workspace } = await createWorkspace();
  if (Object.keys(limits).length) await db().workspace.update({ where: { id: workspace.id }, data: limits });
  return workspace.id;
}

async function consumeTimes(workspaceId: string, times: number): Promise<RateLimitDecision[]> {
  const decisions = [];
  for (let i = 0; i < times; i++) decisions.push(await consumeWorkspaceRequest(workspaceId));
  return decisions;
}

const windowOf = (decision: RateLimitDecision, name: "burst" | "quota") => decision.windows.find((w) => w.name === name)!;

describe("workspace rate limit", () => {
  it("the first request of a workspace starts both windows at their full length", async () => {
    const workspaceId = await newWorkspace();
    expect(await consumeWorkspaceRequest(workspaceId)).toEqual({
      allowed: true,
      retryAfterSeconds: null,
      windows: [
        { name: "burst", limit: 40, remaining: 39, resetSeconds: 60, windowSeconds: 60 },
        { name: "quota", limit: 200, remaining: 199, resetSeconds: 900, windowSeconds: 900 },
      ],
    });
  });

  it("60 concurrent requests from two app instances: exactly 40 pass, the other 20 are told when to retry", async () => {
    const workspaceId = await newWorkspace();
    const decisions = await Promise.all(
      Array.from({ length: 60 }, (_, i) => consumeWorkspaceRequest(workspaceId, i % 2 ? otherInstance : db())),
    );
    const refused = decisions.filter((d) => !d.allowed);
    expect({
      allowed: decisions.filter((d) => d.allowed).length,
      refused: refused.length,
      refusedWithRetryIn1To60: refused.filter((d) => d.retryAfterSeconds! >= 1 && d.retryAfterSeconds! <= 60).length,
    }).toEqual({ allowed: 40, refused: 20, refusedWithRetryIn1To60: 20 });
  });

  it("requests refused by the burst window use up none of the quota", async () => {
    const workspaceId = await newWorkspace();
    const last = (await consumeTimes(workspaceId, 50)).at(-1)!;
    expect({ allowed: last.allowed, burst: windowOf(last, "burst").remaining, quota: windowOf(last, "quota").remaining }).toEqual({
      allowed: false,
      burst: 0,
      quota: 160,
    });
  });

  it("a refusal by the burst window alone says to retry when the burst window ends", async () => {
    const workspaceId = await newWorkspace();
    const last = (await consumeTimes(workspaceId, 41)).at(-1)!;
    expect({ allowed: last.allowed, retryAfterSeconds: last.retryAfterSeconds }).toEqual({
      allowed: false,
      retryAfterSeconds: windowOf(last, "burst").resetSeconds,
    });
  });

  it("with short windows, 200 requests pass over several burst windows, then the quota refuses until its window ends", async () => {
    process.env.RATE_LIMIT_BURST_WINDOW_SECONDS = "2";
    process.env.RATE_LIMIT_QUOTA_WINDOW_SECONDS = "30";
    const workspaceId = await newWorkspace();
    const started = Date.now();
    let allowed = 0;
    let burstRefusals = 0;
    let last: RateLimitDecision | undefined;
    for (let i = 0; allowed < 200 && i < 250; i++) {
      last = await consumeWorkspaceRequest(workspaceId);
      if (last.allowed) {
        allowed++;
      } else {
        burstRefusals++;
        await sleep(last.retryAfterSeconds! * 1000);
      }
    }
    await sleep(windowOf(last!, "burst").resetSeconds * 1000); // so that only the quota is full
    const elapsedSeconds = (Date.now() - started) / 1000;
    const refused = await consumeWorkspaceRequest(workspaceId);
    const retryAfter = refused.retryAfterSeconds!;
    expect({
      allowedBefore: allowed,
      allowed: refused.allowed,
      burstRefusalsBefore: burstRefusals,
      burstRemaining: windowOf(refused, "burst").remaining,
      quotaRemaining: windowOf(refused, "quota").remaining,
      retryAfterIsQuotaReset: retryAfter === windowOf(refused, "quota").resetSeconds,
      retryAfterIsTimeLeftInQuotaWindow: retryAfter >= 30 - elapsedSeconds - 0.1 && retryAfter <= 30 - elapsedSeconds + 1.1,
    }).toEqual({
      allowedBefore: 200,
      allowed: false,
      burstRefusalsBefore: 4,
      burstRemaining: 40,
      quotaRemaining: 0,
      retryAfterIsQuotaReset: true,
      retryAfterIsTimeLeftInQuotaWindow: true,
    });
  });

  it.each([
    ["burst of 5", { rateLimitBurst: 5 }, 5],
    ["quota of 3", { rateLimitQuota: 3 }, 3],
    ["burst of 0 (blocked)", { rateLimitBurst: 0 }, 0],
  ])("a workspace with its own limits (%s) gets exactly that many", async (_name, limits, expected) => {
    const workspaceId = await newWorkspace(limits);
    const decisions = await Promise.all(Array.from({ length: 10 }, () => consumeWorkspaceRequest(workspaceId)));
    expect(decisions.filter((d) => d.allowed).length).toBe(expected);
  });

  it("two workspaces never share a budget", async () => {
    const [a, b] = await Promise.all([newWorkspace(), newWorkspace()]);
    await Promise.all(Array.from({ length: 45 }, () => consumeWorkspaceRequest(a)));
    const other = await consumeWorkspaceRequest(b);
    expect({ allowed: other.allowed, burst: windowOf(other, "burst").remaining, quota: windowOf(other, "quota").remaining }).toEqual({
      allowed: true,
      burst: 39,
      quota: 199,
    });
  });

  it("refuses to count requests of a workspace that does not exist", async () => {
    await expect(consumeWorkspaceRequest("no-such-workspace")).rejects.toThrow(/does not exist/);
  });

  it("refuses a window length that is not a whole number of seconds", async () => {
    process.env.RATE_LIMIT_BURST_WINDOW_SECONDS = "1.5";
    await expect(consumeWorkspaceRequest(await newWorkspace())).rejects.toThrow(/RATE_LIMIT_BURST_WINDOW_SECONDS/);
  });
});

describe("rate-limit headers", () => {
  const window = (name: "burst" | "quota", limit: number, remaining: number, resetSeconds: number, windowSeconds: number) => ({
    name,
    limit,
    remaining,
    resetSeconds,
    windowSeconds,
  });
  it.each<[string, RateLimitDecision, Record<string, string>]>([
    [
      "allowed",
      { allowed: true, retryAfterSeconds: null, windows: [window("burst", 40, 12, 34, 60), window("quota", 200, 150, 500, 900)] },
      { "RateLimit-Policy": `"burst";q=40;w=60, "quota";q=200;w=900`, RateLimit: `"burst";r=12;t=34, "quota";r=150;t=500` },
    ],
    [
      "allowed, last request of the burst",
      { allowed: true, retryAfterSeconds: null, windows: [window("burst", 40, 0, 59, 60), window("quota", 200, 160, 880, 900)] },
      { "RateLimit-Policy": `"burst";q=40;w=60, "quota";q=200;w=900`, RateLimit: `"burst";r=0;t=59, "quota";r=160;t=880` },
    ],
    [
      "refused by the burst window",
      { allowed: false, retryAfterSeconds: 43, windows: [window("burst", 40, 0, 43, 60), window("quota", 200, 160, 880, 900)] },
      {
        "RateLimit-Policy": `"burst";q=40;w=60, "quota";q=200;w=900`,
        RateLimit: `"burst";r=0;t=43, "quota";r=160;t=880`,
        "Retry-After": "43",
      },
    ],
    [
      "refused by the quota, custom limits",
      { allowed: false, retryAfterSeconds: 301, windows: [window("burst", 5, 5, 60, 60), window("quota", 1000, 0, 301, 900)] },
      {
        "RateLimit-Policy": `"burst";q=5;w=60, "quota";q=1000;w=900`,
        RateLimit: `"burst";r=5;t=60, "quota";r=0;t=301`,
        "Retry-After": "301",
      },
    ],
  ])("%s", (_name, decision, expected) => {
    expect(rateLimitHeaders(decision)).toEqual(expected);
  });

  it("the 429 message names the seconds to wait", () => {
    expect(rateLimitExceededMessage(43)).toBe("standard rate limit exceeded, retry in 43 seconds");
  });
});

describe("failed API-key lookups per client address", () => {
  const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;

  it.each([
    [29, { blocked: false, retried: false }],
    [30, { blocked: true, retried: true }],
  ])("after %i failures the address is blocked: %o", async (failures, expected) => {
    const ip = randomIp();
    for (let i = 0; i < failures; i++) await recordFailedAuth(ip);
    const throttle = await checkFailedAuthThrottle(ip);
    expect({ blocked: throttle.blocked, retried: throttle.retryAfterSeconds !== null && throttle.retryAfterSeconds >= 1 && throttle.retryAfterSeconds <= 60 }).toEqual(
      expected,
    );
  });

  it("a blocked address does not block another one", async () => {
    const [blocked, other] = [randomIp(), randomIp()];
    await Promise.all(Array.from({ length: 30 }, () => recordFailedAuth(blocked)));
    expect({ blocked: (await checkFailedAuthThrottle(blocked)).blocked, other: (await checkFailedAuthThrottle(other)).blocked }).toEqual({
      blocked: true,
      other: false,
    });
  });

  it("IPv6 addresses of one /64 share a budget", async () => {
    const prefix = `2001:db8:${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}`;
    for (let i = 0; i < 30; i++) await recordFailedAuth(`${prefix}::${(i + 1).toString(16)}`);
    expect((await checkFailedAuthThrottle(`${prefix}:ffff:ffff:ffff:ffff`)).blocked).toBe(true);
  });

  it.each([
    [null, "unknown"],
    ["", "unknown"],
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:DB8::1", "2001:db8:0:0::/64"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
  ])("counts %o as %s", (ip, key) => {
    expect(throttleKey(ip)).toBe(key);
  });
});
