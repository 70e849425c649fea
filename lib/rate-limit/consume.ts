// The workspace rate limit: every API-key request of a workspace is counted in two fixed
// windows, a short "burst" one and a long "quota" one, and passes only when both have room.
//
// Exact across processes because the whole check is ONE statement on the workspace's row in
// rate_limit_states: INSERT … ON CONFLICT DO UPDATE takes that row's lock, so concurrent checks
// (from any number of app instances sharing the database) run one after another, each seeing
// the counts the previous one wrote. Time is the database's now(), never an app server's clock.
//
// Rules the statement implements:
// - A window starts at the first request counted after the previous window ended (not at an
//   epoch-aligned boundary), so a burst from a fresh state falls into a single window.
// - A request is counted in both windows or in neither: a refusal by one window uses up
//   nothing in the other, and a refused request never starts a window.
// - Limits are read from the workspace row on every check, so changing them applies at once.
import { db, type PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { rateLimitWindows } from "./config";

type Windows = ReturnType<typeof rateLimitWindows>;

export type RateLimitWindow = {
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

/**
 * The statement's core, as a CTE named `state`: counts one request of the workspace that
 * `workspaceId` (an SQL expression) names, or does nothing when it names none. Shared by
 * consumeWorkspaceRequest below and by API-key authentication, which folds it into its
 * lookup so an API-key request costs one round trip.
 *
 * `last_allowed` carries the decision out of the DO UPDATE: before PostgreSQL 18, RETURNING
 * sees only the new row, and "allowed the 40th" and "refused the 41st" leave the same counts.
 * Starts are truncated to the column's millisecond precision so that a window never starts
 * after the now() it was started at (rounding up would make it look longer than its length).
 */
export function consumeStateCte(workspaceId: Prisma.Sql, { burstSeconds, quotaSeconds }: Windows): Prisma.Sql {
  return Prisma.sql`state AS (
      INSERT INTO "rate_limit_states" AS s
        ("workspace_id", "burst_start", "burst_count", "quota_start", "quota_count", "last_allowed")
      SELECT w."id", date_trunc('milliseconds', now()), fresh.ok::int, date_trunc('milliseconds', now()), fresh.ok::int, fresh.ok
      FROM "workspaces" w
      CROSS JOIN LATERAL (SELECT w."rate_limit_burst" > 0 AND w."rate_limit_quota" > 0 AS ok) fresh
      WHERE w."id" = ${workspaceId}
      ON CONFLICT ("workspace_id") DO UPDATE SET
        ("burst_start", "burst_count", "quota_start", "quota_count", "last_allowed") = (
          SELECT CASE WHEN d.ok AND u.burst_used = 0 THEN date_trunc('milliseconds', now()) ELSE s."burst_start" END,
                 u.burst_used + d.ok::int,
                 CASE WHEN d.ok AND u.quota_used = 0 THEN date_trunc('milliseconds', now()) ELSE s."quota_start" END,
                 u.quota_used + d.ok::int,
                 d.ok
          FROM "workspaces" lim
          CROSS JOIN LATERAL (
            SELECT CASE WHEN now() < s."burst_start" + make_interval(secs => ${burstSeconds}) THEN s."burst_count" ELSE 0 END AS burst_used,
                   CASE WHEN now() < s."quota_start" + make_interval(secs => ${quotaSeconds}) THEN s."quota_count" ELSE 0 END AS quota_used
          ) u
          CROSS JOIN LATERAL (
            SELECT u.burst_used < lim."rate_limit_burst" AND u.quota_used < lim."rate_limit_quota" AS ok
          ) d
          WHERE lim."id" = s."workspace_id"
        )
      RETURNING s.*
    )`;
}

/** The columns of a StateRow, read from the `state` CTE joined to its workspace as `lim`. */
export function stateColumns({ burstSeconds, quotaSeconds }: Windows): Prisma.Sql {
  return Prisma.sql`state."last_allowed" AS allowed,
           lim."rate_limit_burst" AS burst_limit,
           state."burst_count" AS burst_count,
           extract(epoch FROM state."burst_start" + make_interval(secs => ${burstSeconds}) - now())::float8 AS burst_ends_in,
           lim."rate_limit_quota" AS quota_limit,
           state."quota_count" AS quota_count,
           extract(epoch FROM state."quota_start" + make_interval(secs => ${quotaSeconds}) - now())::float8 AS quota_ends_in`;
}

/**
 * The limiter on its own: counts one request of the workspace and says whether it may
 * proceed. Requests are counted by API-key authentication, which folds the same CTE into its
 * lookup (lib/api-keys/authenticate.ts); this standalone form is what the window rules are
 * tested through (tests/rate-limit.test.ts), with `client` standing for a second instance.
 */
export async function consumeWorkspaceRequest(
  workspaceId: string,
  client: Pick<PrismaClient, "$queryRaw"> = db(),
): Promise<RateLimitDecision> {
  const windows = rateLimitWindows();
  const rows = await client.$queryRaw<StateRow[]>`
    WITH ${consumeStateCte(Prisma.sql`${workspaceId}`, windows)}
    SELECT ${stateColumns(windows)}
    FROM state JOIN "workspaces" lim ON lim."id" = state."workspace_id"`;
  const row = rows[0];
  if (!row) throw new Error(`Cannot rate-limit requests of workspace ${workspaceId}: it does not exist.`);
  return toDecision(row, windows);
}

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
