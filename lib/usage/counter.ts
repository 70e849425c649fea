// Counting API-key requests per key, hour and outcome without a database round trip: each
// instance adds them up in memory and writes them in ONE statement at most every
// FLUSH_INTERVAL_MS, and once more when it shuts down (lib/shutdown.ts). Instances' flushes add
// to the same rows (INSERT … ON CONFLICT DO UPDATE SET ok = ok + excluded.ok), so they sum up
// exactly. A crash loses at most the last interval's counts; a failed flush keeps its counts for
// the next one. Hours are the app server's clock, in UTC. Served requests are also counted by the
// key permission they needed (api_key_permission_usage), written by the same statement.
import { execute, named, sql } from "@/lib/db/sql";
import { logger } from "@/lib/log/logger";
import { onShutdown } from "@/lib/shutdown";

const OUTCOMES = ["ok", "rateLimited", "denied", "forbidden", "blockedNetwork"] as const;
export type UsageOutcome = (typeof OUTCOMES)[number];
/** Per outcome, and served requests per key permission they needed. */
type Counts = Record<UsageOutcome, number> & { outsideNetwork: number; byPermission: Record<string, number> };

const FLUSH_INTERVAL_MS = 5_000;
const HOUR_MS = 3_600_000;

/** `since`: when the oldest count in `pending` was made (null when nothing is pending). */
type State = { pending: Map<string, Counts>; since: number | null; timer: NodeJS.Timeout | null; flushing: Promise<void> | null };
const globalForUsage = globalThis as unknown as { oneUsage?: State };
const state = (globalForUsage.oneUsage ??= { pending: new Map(), since: null, timer: null, flushing: null });

const emptyCounts = (): Counts => ({
  ok: 0,
  rateLimited: 0,
  denied: 0,
  forbidden: 0,
  blockedNetwork: 0,
  outsideNetwork: 0,
  byPermission: {},
});

/**
 * Counts one request of a key (no I/O). `permission`: the key permission a served request needed;
 * `outside`: it came from outside the key's allowed networks (counted as outsideNetwork too).
 */
export function countRequest(
  keyId: string,
  outcome: UsageOutcome,
  permission: string | null = null,
  outside = false,
  at = Date.now(),
): void {
  const bucket = `${keyId} ${Math.floor(at / HOUR_MS) * HOUR_MS}`;
  let counts = state.pending.get(bucket);
  if (!counts) state.pending.set(bucket, (counts = emptyCounts()));
  counts[outcome]++;
  if (outside) counts.outsideNetwork++;
  if (outcome === "ok" && permission) counts.byPermission[permission] = (counts.byPermission[permission] ?? 0) + 1;
  state.since ??= Date.now();
  if (!state.timer) {
    state.timer = setInterval(() => void flushUsage().catch(() => undefined), FLUSH_INTERVAL_MS);
    state.timer.unref();
    onShutdown("usage counts", flushUsage);
  }
}

/** Writes what was counted since the last flush, in one statement. Concurrent calls share one flush. */
export function flushUsage(): Promise<void> {
  state.flushing ??= writePending().finally(() => (state.flushing = null));
  return state.flushing;
}

async function writePending(): Promise<void> {
  if (state.pending.size === 0) return;
  const batch = state.pending;
  const since = state.since;
  state.pending = new Map();
  state.since = null;
  const keys: string[] = [];
  const hours: string[] = [];
  const columns: Record<UsageOutcome | "outsideNetwork", number[]> = {
    ok: [],
    rateLimited: [],
    denied: [],
    forbidden: [],
    blockedNetwork: [],
    outsideNetwork: [],
  };
  const byPermission = { keys: [] as string[], hours: [] as string[], permissions: [] as string[], ok: [] as number[] };
  for (const [bucket, counts] of batch) {
    const [keyId, hour] = bucket.split(" ");
    const iso = new Date(Number(hour)).toISOString();
    keys.push(keyId!);
    hours.push(iso);
    for (const outcome of OUTCOMES) columns[outcome].push(counts[outcome]);
    columns.outsideNetwork.push(counts.outsideNetwork);
    for (const [permission, ok] of Object.entries<number>(counts.byPermission)) {
      byPermission.keys.push(keyId!);
      byPermission.hours.push(iso);
      byPermission.permissions.push(permission);
      byPermission.ok.push(ok);
    }
  }
  try {
    // One statement, so both tables get a batch or neither does. Keys deleted meanwhile are skipped.
    await execute(
      named(
        "flush-usage",
        `WITH outcomes AS (
           INSERT INTO "api_key_usage" AS u ("key_id", "hour", "ok", "rate_limited", "denied", "forbidden", "blocked_network", "outside_network")
           SELECT c.key_id, c.hour, c.ok, c.rate_limited, c.denied, c.forbidden, c.blocked_network, c.outside_network
           FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[], $11::int[], $12::int[])
             AS c(key_id, hour, ok, rate_limited, denied, forbidden, blocked_network, outside_network)
           WHERE EXISTS (SELECT 1 FROM "api_keys" k WHERE k."id" = c.key_id)
           ON CONFLICT ("key_id", "hour") DO UPDATE SET
             "ok" = u."ok" + excluded."ok",
             "rate_limited" = u."rate_limited" + excluded."rate_limited",
             "denied" = u."denied" + excluded."denied",
             "forbidden" = u."forbidden" + excluded."forbidden",
             "blocked_network" = u."blocked_network" + excluded."blocked_network",
             "outside_network" = u."outside_network" + excluded."outside_network"
         )
         INSERT INTO "api_key_permission_usage" AS p ("key_id", "hour", "permission", "ok")
         SELECT c.key_id, c.hour, c.permission, c.ok
         FROM unnest($7::text[], $8::timestamptz[], $9::text[], $10::int[]) AS c(key_id, hour, permission, ok)
         WHERE EXISTS (SELECT 1 FROM "api_keys" k WHERE k."id" = c.key_id)
         ON CONFLICT ("key_id", "hour", "permission") DO UPDATE SET "ok" = p."ok" + excluded."ok"`,
        [
          keys,
          hours,
          columns.ok,
          columns.rateLimited,
          columns.denied,
          columns.forbidden,
          byPermission.keys,
          byPermission.hours,
          byPermission.permissions,
          byPermission.ok,
          columns.blockedNetwork,
          columns.outsideNetwork,
        ],
      ),
    );
  } catch (error) {
    // Nothing was written (one statement): keep the counts for the next flush.
    state.since = Math.min(since ?? Date.now(), state.since ?? Date.now());
    for (const [bucket, counts] of batch) {
      const current = state.pending.get(bucket);
      if (!current) {
        state.pending.set(bucket, counts);
        continue;
      }
      for (const outcome of OUTCOMES) current[outcome] += counts[outcome];
      current.outsideNetwork += counts.outsideNetwork;
      for (const [permission, ok] of Object.entries<number>(counts.byPermission)) {
        current.byPermission[permission] = (current.byPermission[permission] ?? 0) + ok;
      }
    }
    logger().warn(`Usage counts not written yet (${batch.size} buckets kept for the next flush): ${(error as Error).message}`);
    throw error;
  }
}

/** Seconds since the oldest count not yet written was made; 0 when none is waiting (the metrics' usage-flush lag). */
export function usageFlushLagSeconds(now = Date.now()): number {
  return state.since === null ? 0 : (now - state.since) / 1000;
}

/** Deletes usage rows older than the retention (90 days); run by the background jobs (lib/jobs.ts). */
const USAGE_RETENTION_DAYS = 90;
export async function pruneUsage(): Promise<number> {
  const [outcomes, permissions] = await Promise.all([
    execute(sql`DELETE FROM "api_key_usage" WHERE "hour" < now() - make_interval(days => ${USAGE_RETENTION_DAYS})`),
    execute(sql`DELETE FROM "api_key_permission_usage" WHERE "hour" < now() - make_interval(days => ${USAGE_RETENTION_DAYS})`),
  ]);
  return outcomes + permissions;
}
