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
import { isIPv4, isIPv6 } from "node:net";
import { pool } from "@/lib/db/pool";
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
  await pool().query(`DELETE FROM "failed_auth_attempts" WHERE "window_start" + make_interval(secs => $1) <= now()`, [
    failedAuthLimits().windowSeconds,
  ]);
}

/** The address a failure is counted against: IPv4 as is, IPv6 by its /64 prefix, "unknown" when missing. */
export function throttleKey(ip: string | null): string {
  const address = ip?.trim().replace(/%.*$/, "") ?? ""; // drop an IPv6 zone ("fe80::1%eth0")
  if (!address) return "unknown";
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address.slice(0, 100);
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6]! >> 8}.${groups[6]! & 0xff}.${groups[7]! >> 8}.${groups[7]! & 0xff}`; // ::ffff:a.b.c.d
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (handles "::" and a trailing dotted IPv4). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((g) => {
          if (!g.includes(".")) return [parseInt(g, 16)];
          const [a, b, c, d] = g.split(".").map(Number);
          return [(a! << 8) | b!, (c! << 8) | d!];
        });
  const [head = "", tail] = address.split("::");
  if (tail === undefined) return parse(head);
  const left = parse(head);
  const right = parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
