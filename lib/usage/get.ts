// A key's requests by outcome over the last 24 hours (hourly) or 7 / 30 days (daily, UTC):
// ok (passed authentication, the permission check and the limit), rateLimited (429), denied (a
// known secret of the key refused: revoked, expired, or a retired previous secret) and forbidden
// (403: the key lacks the permission the route needs), with the ok requests by the key permission
// they needed (byPermission). Counts reach the database within seconds (lib/usage/counter.ts).
// Buckets come from generate_series, so empty ones are included. One statement for one key or for
// every key the list shows (the list's sparklines: one request per page, not one per row).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { keyNotFound } from "@/lib/api-keys/errors";
import { query, sql } from "@/lib/db/sql";
import { isPlausibleId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { usageQuery, type UsageCounts, type UsageDto, type UsageRange, type WorkspaceUsageDto } from "./schemas";

const RANGES = {
  "24h": { unit: "hour", buckets: 24, bucketSeconds: 3600 },
  "7d": { unit: "day", buckets: 7, bucketSeconds: 86400 },
  "30d": { unit: "day", buckets: 30, bucketSeconds: 86400 },
} as const;

type Row = {
  key_id: string;
  start: Date;
  ok: number;
  rate_limited: number;
  denied: number;
  forbidden: number;
  blocked_network: number;
  outside_network: number;
  by_permission: Record<string, number>;
};

/** Buckets per key, for `keyId` alone or (null) every key the list shows, in list order. */
async function readUsage(workspaceId: string, keyId: string | null, range: UsageRange) {
  const { unit, buckets, bucketSeconds } = RANGES[range];
  const rows = await query<Row>(
    sql`WITH keys AS (
            SELECT "id", "created_at" FROM "api_keys"
            WHERE "workspace_id" = ${workspaceId} AND (${keyId}::text IS NULL AND "revoked_at" IS NULL OR "id" = ${keyId}::text)
          ),
          series AS (
            SELECT generate_series(date_trunc(${unit}, now(), 'UTC') - make_interval(secs => ${bucketSeconds * (buckets - 1)}),
                                   date_trunc(${unit}, now(), 'UTC'), make_interval(secs => ${bucketSeconds})) AS start
          ),
          -- The keys' hourly rows in the range (index range scans), summed per key and bucket.
          used AS (
            SELECT u."key_id", date_trunc(${unit}, u."hour", 'UTC') AS start,
                   sum(u."ok") AS ok, sum(u."rate_limited") AS rate_limited, sum(u."denied") AS denied, sum(u."forbidden") AS forbidden,
                   sum(u."blocked_network") AS blocked_network, sum(u."outside_network") AS outside_network
            FROM keys
            JOIN "api_key_usage" u ON u."key_id" = keys."id" AND u."hour" >= (SELECT min(start) FROM series)
            GROUP BY 1, 2
          ),
          by_permission AS (
            SELECT x."key_id", x.start, jsonb_object_agg(x."permission", x.ok) AS counts
            FROM (
              SELECT p."key_id", date_trunc(${unit}, p."hour", 'UTC') AS start, p."permission", sum(p."ok")::int AS ok
              FROM keys
              JOIN "api_key_permission_usage" p ON p."key_id" = keys."id" AND p."hour" >= (SELECT min(start) FROM series)
              GROUP BY 1, 2, 3
            ) x
            GROUP BY 1, 2
          )
     SELECT keys."id" AS key_id, series.start,
            coalesce(used.ok, 0)::int AS ok, coalesce(used.rate_limited, 0)::int AS rate_limited,
            coalesce(used.denied, 0)::int AS denied, coalesce(used.forbidden, 0)::int AS forbidden,
            coalesce(used.blocked_network, 0)::int AS blocked_network, coalesce(used.outside_network, 0)::int AS outside_network,
            coalesce(by_permission.counts, '{}'::jsonb) AS by_permission
     FROM keys
     CROSS JOIN series
     LEFT JOIN used ON used."key_id" = keys."id" AND used.start = series.start
     LEFT JOIN by_permission ON by_permission."key_id" = keys."id" AND by_permission.start = series.start
     ORDER BY keys."created_at" DESC, keys."id" DESC, series.start`,
  );
  const perKey = new Map<string, UsageDto["buckets"]>();
  for (const row of rows) {
    const list = perKey.get(row.key_id) ?? [];
    list.push({
      start: row.start.toISOString(),
      ok: row.ok,
      rateLimited: row.rate_limited,
      denied: row.denied,
      forbidden: row.forbidden,
      blockedNetwork: row.blocked_network,
      outsideNetwork: row.outside_network,
      byPermission: row.by_permission,
    });
    perKey.set(row.key_id, list);
  }
  return { bucketSeconds, perKey };
}

function totalsOf(buckets: UsageDto["buckets"]): UsageCounts {
  const totals: UsageCounts = { ok: 0, rateLimited: 0, denied: 0, forbidden: 0, blockedNetwork: 0, outsideNetwork: 0, byPermission: {} };
  for (const bucket of buckets) {
    totals.ok += bucket.ok;
    totals.rateLimited += bucket.rateLimited;
    totals.denied += bucket.denied;
    totals.forbidden += bucket.forbidden;
    totals.blockedNetwork += bucket.blockedNetwork;
    totals.outsideNetwork += bucket.outsideNetwork;
    for (const [permission, ok] of Object.entries(bucket.byPermission)) {
      totals.byPermission[permission] = (totals.byPermission[permission] ?? 0) + (ok ?? 0);
    }
  }
  return totals;
}

export async function getApiKeyUsage(actor: Actor, input: { keyId: string; query: unknown }): Promise<UsageDto> {
  const scope = authorize(actor, "apiKeys.usage");
  if (!isPlausibleId(input.keyId)) throw keyNotFound();
  const { range } = parseInput(usageQuery, input.query);
  const { bucketSeconds, perKey } = await readUsage(scope.workspaceId, input.keyId, range);
  const buckets = perKey.get(input.keyId);
  if (!buckets) throw keyNotFound();
  return { range, bucketSeconds, buckets, totals: totalsOf(buckets) };
}

/** The same buckets for every key the list shows (not revoked), in list order: what the list's sparklines read. */
export async function getWorkspaceUsage(actor: Actor, input: { query: unknown }): Promise<WorkspaceUsageDto> {
  const scope = authorize(actor, "apiKeys.usage");
  const { range } = parseInput(usageQuery, input.query);
  const { bucketSeconds, perKey } = await readUsage(scope.workspaceId, null, range);
  return {
    range,
    bucketSeconds,
    data: [...perKey].map(([keyId, buckets]) => ({ keyId, buckets, totals: totalsOf(buckets) })),
  };
}
