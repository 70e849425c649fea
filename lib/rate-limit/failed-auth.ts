// Throttle for failed API-key lookups, per client address: guessing keys costs a database
// lookup each, so a client that keeps presenting unknown keys is refused before the lookup.
// Counted in PostgreSQL (one row per address, one fixed window anchored at the first failure),
// so the limit holds across app instances; one statement per call, time from the database.
//
// IPv6 clients are counted per /64 prefix: a single host usually holds a whole /64 and could
// otherwise rotate through addresses to reset its budget.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { db } from "@/lib/db/client";
import { failedAuthLimits } from "./config";

export type FailedAuthThrottle = { blocked: boolean; retryAfterSeconds: number | null };

type AttemptRow = { count: number; ends_in: number };

/** Whether the client has used up its failed lookups for now. Call before looking a key up. */
export async function checkFailedAuthThrottle(ip: string | null): Promise<FailedAuthThrottle> {
  const { limit, windowSeconds } = failedAuthLimits();
  const rows = await db().$queryRaw<AttemptRow[]>`
    SELECT "count", extract(epoch FROM "window_start" + make_interval(secs => ${windowSeconds}) - now())::float8 AS ends_in
    FROM "failed_auth_attempts" WHERE "ip" = ${throttleKey(ip)}`;
  return toThrottle(rows[0], limit);
}

/** Counts one failed lookup; returns the throttle state after it (blocked once the limit is reached). */
export async function recordFailedAuth(ip: string | null): Promise<FailedAuthThrottle> {
  const { limit, windowSeconds } = failedAuthLimits();
  const rows = await db().$queryRaw<AttemptRow[]>`
    INSERT INTO "failed_auth_attempts" AS a ("ip", "window_start", "count")
    VALUES (${throttleKey(ip)}, date_trunc('milliseconds', now()), 1)
    ON CONFLICT ("ip") DO UPDATE SET
      "window_start" = CASE WHEN now() < a."window_start" + make_interval(secs => ${windowSeconds}) THEN a."window_start" ELSE date_trunc('milliseconds', now()) END,
      "count" = CASE WHEN now() < a."window_start" + make_interval(secs => ${windowSeconds}) THEN a."count" + 1 ELSE 1 END
    RETURNING "count", extract(epoch FROM "window_start" + make_interval(secs => ${windowSeconds}) - now())::float8 AS ends_in`;
  await pruneNowAndThen(windowSeconds);
  return toThrottle(rows[0], limit);
}

function toThrottle(row: AttemptRow | undefined, limit: number): FailedAuthThrottle {
  if (!row || row.ends_in <= 0 || row.count < limit) return { blocked: false, retryAfterSeconds: null };
  return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(row.ends_in)) };
}

// Rows of ended windows are dead weight; without pruning, every address that ever failed stays.
// Once per window length per process is plenty, and it is off the successful-request path.
let lastPrunedAt = 0;
async function pruneNowAndThen(windowSeconds: number): Promise<void> {
  if (Date.now() - lastPrunedAt < windowSeconds * 1000) return;
  lastPrunedAt = Date.now();
  await db().$executeRaw`
    DELETE FROM "failed_auth_attempts" WHERE "window_start" + make_interval(secs => ${windowSeconds}) <= now()`;
}

/** The address a failure is counted against: IPv4 as is, IPv6 by its /64 prefix, "unknown" when missing. */
export function throttleKey(ip: string | null): string {
  const address = ip?.trim().replace(/%.*$/, "") ?? ""; // drop an IPv6 zone ("fe80::1%eth0")
  if (!address) return "unknown";
  if (!isIP(address)) return address.slice(0, 100);
  const parsed = ipaddr.process(address); // ::ffff:a.b.c.d counts as a.b.c.d
  if (parsed.kind() === "ipv4") return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64`;
}
