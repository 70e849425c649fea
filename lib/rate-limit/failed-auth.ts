// The failed-lookup throttle: guessing keys costs a lookup each, so an address that keeps
// presenting well-formed keys we do not know is refused with 429 for a while.
//
// What it protects: the database from unbounded guessing, and it makes guessing slow. What it
// does not: a valid secret is never refused because of other requests' failures, so it does not
// stop someone from trying; and secrets we know (revoked, expired, retired) are not guesses.
//
// How: API-key authentication (lib/api-keys/authenticate.ts) counts a failed lookup in the same
// statement as the lookup itself (one row per address in failed_auth_attempts, one atomic upsert,
// exact across instances: the first `limit` failures of a window get 401, the rest 429). Once an
// address is over the limit, this process remembers it until the window ends and stops writing:
// each further unknown key from it costs one read.
//
// IPv6 clients are counted per /64 prefix: a single host usually holds a whole /64 and could
// otherwise rotate through addresses to reset its budget.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { boundedMemo } from "@/lib/bounded-memo";
import { execute, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { failedAuthLimits } from "./config";

const blockedUntil = new Map<string, number>();

/** Whether this process already knows the address is over the limit (then failures are not written). */
export function isBlocked(key: string): boolean {
  const until = blockedUntil.get(key);
  if (until === undefined) return false;
  if (until > Date.now()) return true;
  blockedUntil.delete(key);
  return false;
}

/**
 * The outcome of an unknown key, given the address's failure count after this one (null when it
 * was not counted because the address is already blocked here). Remembers a blocked address.
 */
export function unknownKeyOutcome(key: string, counted: { count: number; endsIn: number } | null, limit: number): AppError | null {
  if (counted && counted.count < limit) return null;
  if (counted) blockedUntil.set(key, Date.now() + Math.max(counted.endsIn, 0) * 1000);
  if (counted && counted.count === limit) return null; // the limit-th failure still gets its 401
  const until = blockedUntil.get(key) ?? Date.now();
  const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  return new AppError("rate_limited", `Too many requests with unknown API keys from your address. Retry in ${seconds} seconds.`, {
    retryAfterSeconds: seconds,
  });
}

/** Deletes the rows of ended windows (dead weight); run by the background jobs (lib/jobs.ts). */
export async function pruneFailedAttempts(): Promise<void> {
  await execute(
    sql`DELETE FROM "failed_auth_attempts" WHERE "window_start" + make_interval(secs => ${failedAuthLimits().windowSeconds}) <= now()`,
  );
}

/** The address a failure is counted against: IPv4 as is, IPv6 by its /64 prefix, "unknown" when missing. */
export function throttleKey(ip: string | null): string {
  const address = ip?.trim().replace(/%.*$/, "") ?? ""; // drop an IPv6 zone ("fe80::1%eth0")
  return address ? addressKey(address) : "unknown";
}

const addressKey = boundedMemo((address) => {
  if (!isIP(address)) return address.slice(0, 100);
  const parsed = ipaddr.process(address); // ::ffff:a.b.c.d counts as a.b.c.d
  if (parsed.kind() === "ipv4") return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
});
