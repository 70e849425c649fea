// A key's requests by outcome over the last 24 hours (hourly) or 7 / 30 days (daily, UTC):
// ok (passed authentication and the limit), rateLimited (429) and denied (a known secret of the key
// refused: revoked, expired, or a retired previous secret). Counts reach the database within
// seconds (lib/usage/counter.ts). Buckets come from generate_series, so empty ones are included.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { keyNotFound } from "@/lib/api-keys/errors";
import { query, sql } from "@/lib/db/sql";
import { isPlausibleId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { usageQuery, type UsageDto } from "./schemas";

const RANGES = {
  "24h": { unit: "hour", buckets: 24, bucketSeconds: 3600 },
  "7d": { unit: "day", buckets: 7, bucketSeconds: 86400 },
  "30d": { unit: "day", buckets: 30, bucketSeconds: 86400 },
} as const;

type Row = { start: Date; ok: number; rate_limited: number; denied: number };

export async function getApiKeyUsage(actor: Actor, input: { keyId: string; query: unknown }): Promise<UsageDto> {
  const scope = authorize(actor, "apiKeys.usage");
  if (!isPlausibleId(input.keyId)) throw keyNotFound();
  const { range } = parseInput(usageQuery, input.query);
  const { unit, buckets, bucketSeconds } = RANGES[range];
  const rows = await query<Row>(
    sql`WITH key AS (SELECT "id" FROM "api_keys" WHERE "id" = ${input.keyId} AND "workspace_id" = ${scope.workspaceId}),
          series AS (
            SELECT generate_series(date_trunc(${unit}, now(), 'UTC') - make_interval(secs => ${bucketSeconds * (buckets - 1)}),
                                   date_trunc(${unit}, now(), 'UTC'), make_interval(secs => ${bucketSeconds})) AS start
          ),
          -- The key's hourly rows in the range (one index range scan), summed per bucket.
          used AS (
            SELECT date_trunc(${unit}, u."hour", 'UTC') AS start, sum(u."ok") AS ok, sum(u."rate_limited") AS rate_limited, sum(u."denied") AS denied
            FROM key
            JOIN "api_key_usage" u ON u."key_id" = key."id" AND u."hour" >= (SELECT min(start) FROM series)
            GROUP BY 1
          )
     SELECT series.start,
            coalesce(used.ok, 0)::int AS ok, coalesce(used.rate_limited, 0)::int AS rate_limited, coalesce(used.denied, 0)::int AS denied
     FROM key
     CROSS JOIN series
     LEFT JOIN used ON used.start = series.start
     ORDER BY series.start`,
  );
  if (rows.length === 0) throw keyNotFound();
  const data = rows.map((row) => ({ start: row.start.toISOString(), ok: row.ok, rateLimited: row.rate_limited, denied: row.denied }));
  const sum = (field: "ok" | "rateLimited" | "denied") => data.reduce((total, bucket) => total + bucket[field], 0);
  return { range, bucketSeconds, buckets: data, totals: { ok: sum("ok"), rateLimited: sum("rateLimited"), denied: sum("denied") } };
}
