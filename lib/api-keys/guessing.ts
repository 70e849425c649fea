// Keeps key guessing from loading the database. Every failed lookup of a well-formed key is
// counted per client address in PostgreSQL (lib/rate-limit/failed-auth.ts, shared by all
// instances); once an address reaches the limit, this process remembers it until the window
// ends and refuses its keys before any lookup. Legitimate requests pay nothing for this.
import { AppError } from "@/lib/errors";
import { recordFailedAuth, throttleKey } from "@/lib/rate-limit/failed-auth";

const blockedUntil = new Map<string, number>();

function tooManyFailures(seconds: number) {
  return new AppError("rate_limited", `Too many requests with unknown or revoked API keys from your address. Retry in ${seconds} seconds.`, {
    retryAfterSeconds: seconds,
  });
}

/** Throws rate_limited when this address is currently blocked. */
export function refuseIfGuessing(ip: string | null): void {
  const key = throttleKey(ip);
  const until = blockedUntil.get(key);
  if (until === undefined) return;
  const seconds = Math.ceil((until - Date.now()) / 1000);
  if (seconds > 0) throw tooManyFailures(seconds);
  blockedUntil.delete(key);
}

/** Counts a failed lookup; from the limit on, the address is refused until its window ends. */
export async function noteFailedLookup(ip: string | null): Promise<void> {
  const throttle = await recordFailedAuth(ip);
  if (throttle.blocked && throttle.retryAfterSeconds) {
    blockedUntil.set(throttleKey(ip), Date.now() + throttle.retryAfterSeconds * 1000);
  }
}
