// What a key actually needs, from its own traffic over the last 30 days (the counts the usage
// flush writes, lib/usage/counter.ts; no work on the request path): the permissions it holds
// (full access spelled out), the ones its served requests needed (at the highest level per
// resource), what it holds beyond that, and the narrowest set that would have served every one of
// those requests (`suggested`, null when no served request needed a permission); and where it is
// used from: how many addresses, the list that would have served every served request
// (`suggestedAllowedNetworks`, IPv4 /32 and IPv6 /64, null when none or more than 50) and how
// many requests came from outside its list in report mode. One statement.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { keyNotFound } from "@/lib/api-keys/errors";
import { canonicalNetwork } from "@/lib/api-keys/networks";
import { FULL_ACCESS, normalisePermissions, unusedPermissions } from "@/lib/api-keys/permissions";
import { query, sql } from "@/lib/db/sql";
import { isPlausibleId } from "@/lib/ids";
import type { InsightsDto } from "./schemas";

const INSIGHTS_WINDOW_DAYS = 30;
const MAX_SUGGESTED_NETWORKS = 50;

type Row = {
  permissions: string[] | null;
  requests: number;
  outside_network: number;
  used: string[];
  last_used_at: Date | null;
  addresses: number;
  served_from: string[];
};

export async function getApiKeyInsights(actor: Actor, input: { keyId: string }): Promise<InsightsDto> {
  const scope = authorize(actor, "apiKeys.usage");
  if (!isPlausibleId(input.keyId)) throw keyNotFound();
  const [row] = await query<Row>(
    sql`WITH key AS (SELECT "id", "permissions" FROM "api_keys" WHERE "id" = ${input.keyId} AND "workspace_id" = ${scope.workspaceId}),
             since AS (SELECT date_trunc('hour', now() - make_interval(days => ${INSIGHTS_WINDOW_DAYS})) AS start)
        SELECT key."permissions",
               (SELECT coalesce(sum(u."ok"), 0)::int FROM "api_key_usage" u, since
                WHERE u."key_id" = key."id" AND u."hour" >= since.start) AS requests,
               (SELECT coalesce(sum(u."outside_network"), 0)::int FROM "api_key_usage" u, since
                WHERE u."key_id" = key."id" AND u."hour" >= since.start) AS outside_network,
               (SELECT count(DISTINCT a."network")::int FROM "api_key_addresses" a
                WHERE a."key_id" = key."id" AND a."day" > (now() AT TIME ZONE 'UTC')::date - ${INSIGHTS_WINDOW_DAYS}::int) AS addresses,
               (SELECT coalesce(array_agg(DISTINCT a."network"::text), '{}') FROM (
                  SELECT a."network" FROM "api_key_addresses" a
                  WHERE a."key_id" = key."id" AND a."day" > (now() AT TIME ZONE 'UTC')::date - ${INSIGHTS_WINDOW_DAYS}::int AND a."served" > 0
                  GROUP BY a."network" LIMIT ${MAX_SUGGESTED_NETWORKS + 1}
                ) a) AS served_from,
               (SELECT coalesce(array_agg(DISTINCT p."permission"), '{}') FROM "api_key_permission_usage" p, since
                WHERE p."key_id" = key."id" AND p."hour" >= since.start AND p."ok" > 0) AS used,
               (SELECT max(s."last_used_at") FROM "api_key_secrets" s WHERE s."key_id" = key."id") AS last_used_at
        FROM key`,
  );
  if (!row) throw keyNotFound();
  const granted = row.permissions ?? FULL_ACCESS;
  const used = normalisePermissions(row.used);
  return {
    windowDays: INSIGHTS_WINDOW_DAYS,
    requests: row.requests,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    permissions: { granted, used, unused: unusedPermissions(granted, used), suggested: used.length ? used : null },
    networks: {
      addresses: row.addresses,
      suggestedAllowedNetworks:
        row.served_from.length === 0 || row.served_from.length > MAX_SUGGESTED_NETWORKS
          ? null
          : row.served_from.map((network) => (canonicalNetwork(network) as { network: string }).network).sort(),
      outsideNetwork: row.outside_network,
    },
  };
}
