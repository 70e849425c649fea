import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { generateSecret } from "@/lib/api-keys/secret";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import type { RateLimitDecision } from "@/lib/rate-limit/decision";
import { boundedMemo } from "@/lib/bounded-memo";
import { throttleKey } from "@/lib/rate-limit/failed-auth";
import { rateLimitExceededMessage, rateLimitHeaders } from "@/lib/rate-limit/headers";
import { createWorkspace } from "./fixtures";
import { consumeWorkspaceRequest } from "./helpers/limiter";

const ENV_KEYS = ["RATE_LIMIT_BURST_WINDOW_SECONDS", "RATE_LIMIT_QUOTA_WINDOW_SECONDS", "FAILED_AUTH_LIMIT"] as const;
afterEach(() => {
  for (const key of ENV_KEYS) delete process.env[key];
  vi.restoreAllMocks();
});

/** A new workspace with its own limits; returns a secret of one of its keys, the way into its limiter. */
async function newWorkspace(limits: { rateLimitBurst?: number; rateLimitQuota?: number } = {}) {
  const { workspace, owner } = await createWorkspace();
  if (Object.keys(limits).length) await db().workspace.update({ where: { id: workspace.id }, data: limits });
  return (await createApiKey(owner, { description: "limited" })).secret;
}

async function consumeTimes(secret: string, times: number): Promise<RateLimitDecision[]> {
  const decisions = [];
  for (let i = 0; i < times; i++) decisions.push(await consumeWorkspaceRequest(secret));
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

  it("60 concurrent requests on separate connections: exactly 40 pass, the other 20 are told when to retry", async () => {
    const workspaceId = await newWorkspace();
    const decisions = await Promise.all(Array.from({ length: 60 }, () => consumeWorkspaceRequest(workspaceId)));
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
  const tryUnknown = async (ip: string) => {
    const result = await authenticateApiKey(generateSecret(), { ip, userAgent: "vitest" });
    return result.outcome === "unknown" && result.throttled ? "429" : "401";
  };

  it("100 concurrent unknown keys from one address: exactly the limit (30) get 401, the rest 429", async () => {
    const ip = randomIp();
    const answers = await Promise.all(Array.from({ length: 100 }, () => tryUnknown(ip)));
    expect({ "401": answers.filter((a) => a === "401").length, "429": answers.filter((a) => a === "429").length }).toEqual({
      "401": 30,
      "429": 70,
    });
  });

  it("an address over the limit costs one read per unknown key, and nothing is written", async () => {
    const ip = randomIp();
    for (let i = 0; i < 31; i++) await tryUnknown(ip);
    const before = await db().$queryRaw<{ count: number }[]>`SELECT "count" FROM "failed_auth_attempts" WHERE "ip" = ${ip}`;
    const query = vi.spyOn(pool(), "query");
    const answer = await tryUnknown(ip);
    const after = await db().$queryRaw<{ count: number }[]>`SELECT "count" FROM "failed_auth_attempts" WHERE "ip" = ${ip}`;
    const statements = query.mock.calls.filter(([config]) => (config as { name?: string }).name === "authenticate-api-key").length;
    expect({ answer, statements, countBefore: before[0]?.count, countAfter: after[0]?.count }).toEqual({
      answer: "429",
      statements: 1,
      countBefore: 30, // the limit: from there on this process knows the address is over it and stops counting
      countAfter: 30,
    });
  });

  it("a valid secret from an address over the limit is never refused because of it", async () => {
    const ip = randomIp();
    const secret = await newWorkspace();
    for (let i = 0; i < 40; i++) await tryUnknown(ip);
    expect((await authenticateApiKey(secret, { ip, userAgent: "vitest" })).outcome).toBe("accepted");
  });

  it("known secrets that no longer work (revoked) are not counted as guesses", async () => {
    process.env.FAILED_AUTH_LIMIT = "3";
    const ip = randomIp();
    const { owner } = await createWorkspace();
    const { id, secret } = await createApiKey(owner, { description: "to revoke" });
    await db().apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push((await authenticateApiKey(secret, { ip, userAgent: "vitest" })).outcome);
    expect({ outcomes, unknownStill401: await tryUnknown(ip) }).toEqual({ outcomes: Array(5).fill("denied"), unknownStill401: "401" });
  });

  it("a blocked address does not block another one", async () => {
    const [blocked, other] = [randomIp(), randomIp()];
    await Promise.all(Array.from({ length: 31 }, () => tryUnknown(blocked)));
    expect({ blocked: await tryUnknown(blocked), other: await tryUnknown(other) }).toEqual({ blocked: "429", other: "401" });
  });

  it("IPv6 addresses of one /64 share a budget", async () => {
    const prefix = `2001:db8:${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}`;
    for (let i = 0; i < 30; i++) await tryUnknown(`${prefix}::${(i + 1).toString(16)}`);
    expect(await tryUnknown(`${prefix}:ffff:ffff:ffff:ffff`)).toBe("429");
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

describe("address parsing is remembered, within a bound", () => {
  it("parses an address once while it is remembered, and starts over past the bound", () => {
    const parsed: string[] = [];
    const key = boundedMemo((address) => (parsed.push(address), address.toUpperCase()), 2);
    const answers = ["a", "a", "b", "a", "c", "a"].map(key);
    expect({ answers, parsed }).toEqual({ answers: ["A", "A", "B", "A", "C", "A"], parsed: ["a", "b", "c", "a"] });
  });
});
