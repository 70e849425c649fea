// What a key actually needs, from its own traffic over the last 30 days (the counts the usage
// flush writes, lib/usage/counter.ts; no work on the request path): the permissions it holds
// (full access spelled out), the ones its served requests needed (at the highest level per
// resource), what it holds beyond that, and the narrowest set that would have served every one of
// those requests (`suggested`, null when no served request needed a permission). One statement.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { keyNotFound } from "@/lib/api-keys/errors";
import { FULL_ACCESS, normalisePermissions, unusedPermissions } from "@/lib/api-keys/permissions";
import { query, sql } from "@/lib/db/sql";
import { isPlausibleId } from "@/lib/ids";
import type { InsightsDto } from "./schemas";

const INSIGHTS_WINDOW_DAYS = 30;

type Row = { permissions: string[] | null; requests: number; used: string[]; last_used_at: Date | null };

export async function getApiKeyInsights(actor: Actor, input: { keyId: string }): Promise<InsightsDto> {
  const scope = authorize(actor, "apiKeys.usage");
  if (!isPlausibleId(input.keyId)) throw keyNotFound();
  const [row] = await query<Row>(
    sql`WITH key AS (SELECT "id", "permissions" FROM "api_keys" WHERE "id" = ${input.keyId} AND "workspace_id" = ${scope.workspaceId}),
             since AS (SELECT date_trunc('hour', now() - make_interval(days => ${INSIGHTS_WINDOW_DAYS})) AS start)
        SELECT key."permissions",
               (SELECT coalesce(sum(u."ok"), 0)::int FROM "api_key_usage" u, since
                WHERE u."key_id" = key."id" AND u."hour" >= since.start) AS requests,
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
  };
}
