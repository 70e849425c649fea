// A workspace's rate-limit decision for one API-key request, from the row the authentication
// statement's `state` CTE returns (lib/api-keys/authenticate.ts).
//
// The rules that statement implements: every API-key request of a workspace is counted in two
// fixed windows, a short "burst" one and a long "quota" one, and passes only when both have room.
// A window starts at the first request counted after the previous window ended (not at an
// epoch-aligned boundary). A request is counted in both windows or in neither: a refusal by one
// window uses up nothing in the other, and a refused request never starts a window. Limits are
// read from the workspace row on every check. Exact across processes because the whole check is
// one INSERT … ON CONFLICT DO UPDATE on the workspace's row in rate_limit_states (which takes that
// row's lock), on the database's clock. `last_allowed` carries the decision out of the DO UPDATE.
import type { rateLimitWindows } from "./config";

type Windows = ReturnType<typeof rateLimitWindows>;

type RateLimitWindow = {
  name: "burst" | "quota";
  /** Requests allowed per window. */
  limit: number;
  /** Requests still allowed in the current window, after this one. */
  remaining: number;
  /** Whole seconds (rounded up) until the current window ends; the full length when none is running. */
  resetSeconds: number;
  windowSeconds: number;
};

export type RateLimitDecision = {
  allowed: boolean;
  /** When refused: whole seconds (rounded up) until a request would pass again; otherwise null. */
  retryAfterSeconds: number | null;
  windows: RateLimitWindow[];
};

export type StateRow = {
  allowed: boolean;
  burst_limit: number;
  burst_count: number;
  /** Seconds from the statement's now() to the end of the stored window; ≤ 0 when it has ended. */
  burst_ends_in: number;
  quota_limit: number;
  quota_count: number;
  quota_ends_in: number;
};

function toWindow(name: RateLimitWindow["name"], limit: number, count: number, endsIn: number, windowSeconds: number): RateLimitWindow {
  const running = endsIn > 0;
  return {
    name,
    limit,
    remaining: Math.max(limit - (running ? count : 0), 0),
    // Capped at the length: another transaction's now() can be a few microseconds later than ours.
    resetSeconds: running ? Math.min(Math.ceil(endsIn), windowSeconds) : windowSeconds,
    windowSeconds,
  };
}

export function toDecision(row: StateRow, { burstSeconds, quotaSeconds }: Windows): RateLimitDecision {
  const windows = [
    toWindow("burst", row.burst_limit, row.burst_count, row.burst_ends_in, burstSeconds),
    toWindow("quota", row.quota_limit, row.quota_count, row.quota_ends_in, quotaSeconds),
  ];
  if (row.allowed) return { allowed: true, retryAfterSeconds: null, windows };
  // A refused request passes once every full window has ended: the later end when both are full.
  const full = windows.filter((w) => w.remaining === 0);
  const retryAfterSeconds = Math.max(1, ...(full.length ? full : windows).map((w) => w.resetSeconds));
  return { allowed: false, retryAfterSeconds, windows };
}
