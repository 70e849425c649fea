// The API keys page's alert: the workspace's keys reported as exposed in the last 30 days (revoked
// ones included: the list of keys shows only keys that are not revoked), except those this person
// dismissed since the latest report. Any member may read it.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { rollIdleSeconds } from "@/lib/api-keys/config";
import { query, sql } from "@/lib/db/sql";
import type { ExposureAlert } from "./schemas";

const EXPOSURE_ALERT_DAYS = 30;

type Row = {
  key_id: string;
  description: string;
  current_hint: string;
  source: string;
  url: string | null;
  reported_at: Date;
  revoked_at: Date | null;
  metadata: { hint?: unknown; outcome?: unknown } | null;
};

export async function recentExposures(actor: Actor): Promise<ExposureAlert[]> {
  const scope = authorize(actor, "apiKeys.list");
  const rows = await query<Row>(
    sql`SELECT k."id" AS key_id, k."description", cur."hint" AS current_hint, k."exposure_source" AS source, k."exposure_url" AS url,
            k."exposure_reported_at" AS reported_at, k."revoked_at", e."metadata"
     FROM "api_keys" k
     JOIN api_key_secret_states(${rollIdleSeconds()}) cur ON cur."key_id" = k."id" AND cur."state" = 'current'
     -- The latest report's event says which secret it was and what it did.
     LEFT JOIN LATERAL (
       SELECT a."metadata" FROM "audit_events" a
       WHERE a."workspace_id" = k."workspace_id" AND a."target_id" = k."id" AND a."action" = 'api_key.exposed'
       ORDER BY a."created_at" DESC, a."id" DESC LIMIT 1
     ) e ON true
     WHERE k."workspace_id" = ${scope.workspaceId} AND k."exposure_reported_at" > now() - make_interval(days => ${EXPOSURE_ALERT_DAYS})
       AND NOT EXISTS (
         SELECT 1 FROM "exposure_alert_dismissals" d
         WHERE d."user_id" = ${scope.userId ?? ""} AND d."key_id" = k."id" AND d."reported_at" >= k."exposure_reported_at"
       )
     ORDER BY k."exposure_reported_at" DESC, k."id" DESC`,
  );
  return rows.map((row) => ({
    keyId: row.key_id,
    description: row.description,
    hint: typeof row.metadata?.hint === "string" ? row.metadata.hint : row.current_hint,
    source: row.source,
    url: row.url,
    reportedAt: row.reported_at.toISOString(),
    outcome: outcomeOf(row),
    keyRevoked: row.revoked_at !== null,
  }));
}

function outcomeOf(row: Row): ExposureAlert["outcome"] {
  const recorded = row.metadata?.outcome;
  if (recorded === "revoked" || recorded === "previous_secret_retired") return recorded;
  return row.revoked_at ? "revoked" : "previous_secret_retired";
}
