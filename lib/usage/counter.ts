// Counting API-key requests per key, hour and outcome without a database round trip: each
// instance adds them up in memory and writes them in ONE statement at most every
// FLUSH_INTERVAL_MS, and once more when it shuts down (lib/shutdown.ts). Instances' flushes add
// to the same rows (INSERT … ON CONFLICT DO UPDATE SET ok = ok + excluded.ok), so they sum up
// exactly. A crash loses at most the last interval's counts; a failed flush keeps its counts for
// the next one. Hours are the app server's clock, in UTC. Served requests are also counted by the
// key permission they needed (api_key_permission_usage), and the addresses a key is used from
// (api_key_addresses, lib/usage/address-counts.ts), written by the same statement.
import { execute, named, sql } from "@/lib/db/sql";
import { logger } from "@/lib/log/logger";
import { onShutdown } from "@/lib/shutdown";
import { addressColumns, countAddress, mergeAddresses, type AddressCounts } from "./address-counts";

const OUTCOMES = ["ok", "rateLimited", "denied", "forbidden", "blockedNetwork"] as const;
export type UsageOutcome = (typeof OUTCOMES)[number];
/** Per outcome, and served requests per key permission they needed. */
type Counts = Record<UsageOutcome, number> & { outsideNetwork: number; byPermission: Record<string, number> };

const FLUSH_INTERVAL_MS = 5_000;
const HOUR_MS = 3_600_000;

/** `since`: when the oldest count in `pending` was made (null when nothing is pending). */
type State = {
  pending: Map<string, Counts>;
  addresses: Map<string, AddressCounts>;
  since: number | null;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
};
const globalForUsage = globalThis as unknown as { oneUsage?: State };
const state = (globalForUsage.oneUsage ??= { pending: new Map(), addresses: new Map(), since: null, timer: null, flushing: null });

const emptyCounts = (): Counts => ({
  ok: 0,
  rateLimited: 0,
  denied: 0,
  forbidden: 0,
  blockedNetwork: 0,
  outsideNetwork: 0,
  byPermission: {},
});

/** Where a request came from, for the key's address table; absent: not counted there (e.g. a revoked key's). */
type From = { ip: string | null; userAgent: string | null };

/**
 * Counts one request of a key (no I/O). `permission`: the key permission a served request needed;
 * `outside`: it came from outside the key's allowed networks (counted as outsideNetwork too);
 * `from`: its client, counted in the key's address table (served unless blocked).
 */
export function countRequest(
  keyId: string,
  outcome: UsageOutcome,
  { permission = null, outside = false, from }: { permission?: string | null; outside?: boolean; from?: From } = {},
  at = Date.now(),
): void {
  const bucket = `${keyId} ${Math.floor(at / HOUR_MS) * HOUR_MS}`;
  let counts = state.pending.get(bucket);
  if (!counts) state.pending.set(bucket, (counts = emptyCounts()));
  counts[outcome]++;
  if (outside) counts.outsideNetwork++;
  if (outcome === "ok" && permission) counts.byPermission[permission] = (counts.byPermission[permission] ?? 0) + 1;
  if (from) countAddress(state.addresses, keyId, from.ip, from.userAgent, outcome !== "blockedNetwork", at);
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
  if (state.pending.size === 0 && state.addresses.size === 0) return;
  const batch = state.pending;
  const addressBatch = state.addresses;
  const since = state.since;
  state.pending = new Map();
  state.addresses = new Map();
  state.since = null;
  const addresses = addressColumns(addressBatch);
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
    // One statement, so every table gets its batch or none does. Keys deleted meanwhile are skipped.
    await execute(
      named(
        "flush-usage",
        `WITH addresses AS (
           INSERT INTO "api_key_addresses" AS a ("key_id", "network", "day", "requests", "served", "first_seen_at", "last_seen_at", "last_address", "last_user_agent")
           SELECT c.key_id, c.network, c.day, c.requests, c.served, c.first_seen_at, c.last_seen_at, c.last_address, c.last_user_agent
           FROM unnest($13::text[], $14::inet[], $15::date[], $16::int[], $17::int[], $18::timestamptz[], $19::timestamptz[], $20::inet[], $21::text[])
             AS c(key_id, network, day, requests, served, first_seen_at, last_seen_at, last_address, last_user_agent)
           WHERE EXISTS (SELECT 1 FROM "api_keys" k WHERE k."id" = c.key_id)
           ON CONFLICT ("key_id", "network", "day") DO UPDATE SET
             "requests" = a."requests" + excluded."requests",
             "served" = a."served" + excluded."served",
             "first_seen_at" = least(a."first_seen_at", excluded."first_seen_at"),
             "last_seen_at" = greatest(a."last_seen_at", excluded."last_seen_at"),
             "last_address" = CASE WHEN excluded."last_seen_at" >= a."last_seen_at" THEN excluded."last_address" ELSE a."last_address" END,
             "last_user_agent" = CASE WHEN excluded."last_seen_at" >= a."last_seen_at" THEN excluded."last_user_agent" ELSE a."last_user_agent" END
         ),
         outcomes AS (
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
          addresses.keys,
          addresses.networks,
          addresses.days,
          addresses.requests,
          addresses.served,
          addresses.firstSeen,
          addresses.lastSeen,
          addresses.lastAddresses,
          addresses.lastUserAgents,
        ],
      ),
    );
  } catch (error) {
    // Nothing was written (one statement): keep the counts for the next flush.
    state.since = Math.min(since ?? Date.now(), state.since ?? Date.now());
    mergeAddresses(state.addresses, addressBatch);
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
    logger().warn(
      `Usage counts not written yet (${batch.size + addressBatch.size} buckets kept for the next flush): ${(error as Error).message}`,
    );
    throw error;
  }
}

/** Seconds since the oldest count not yet written was made; 0 when none is waiting (the metrics' usage-flush lag). */
export function usageFlushLagSeconds(now = Date.now()): number {
  return state.since === null ? 0 : (now - state.since) / 1000;
}

/**
 * Deletes usage rows older than the retention (90 days), and address rows of networks beyond a
 * key's 1,000 most recently seen; run hourly by the background jobs (lib/jobs.ts).
 */
const USAGE_RETENTION_DAYS = 90;
const ADDRESSES_PER_KEY = 1_000;
export async function pruneUsage(): Promise<number> {
  const [outcomes, permissions, addresses] = await Promise.all([
    execute(sql`DELETE FROM "api_key_usage" WHERE "hour" < now() - make_interval(days => ${USAGE_RETENTION_DAYS})`),
    execute(sql`DELETE FROM "api_key_permission_usage" WHERE "hour" < now() - make_interval(days => ${USAGE_RETENTION_DAYS})`),
    execute(sql`DELETE FROM "api_key_addresses" WHERE "day" < (now() AT TIME ZONE 'UTC')::date - ${USAGE_RETENTION_DAYS}::int`),
  ]);
  // Only keys over the bound are ranked (the count per key reads the primary key's index).
  const crowded = await execute(
    sql`WITH crowded AS (
          SELECT "key_id" FROM "api_key_addresses" GROUP BY "key_id" HAVING count(DISTINCT "network") > ${ADDRESSES_PER_KEY}
        ),
        ranked AS (
          SELECT a."key_id", a."network", row_number() OVER (PARTITION BY a."key_id" ORDER BY max(a."last_seen_at") DESC, a."network") AS rank
          FROM "api_key_addresses" a JOIN crowded USING ("key_id")
          GROUP BY a."key_id", a."network"
        )
        DELETE FROM "api_key_addresses" a USING ranked r
        WHERE a."key_id" = r."key_id" AND a."network" = r."network" AND r.rank > ${ADDRESSES_PER_KEY}`,
  );
  return outcomes + permissions + addresses + crowded;
}
