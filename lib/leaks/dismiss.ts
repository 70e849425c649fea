// Dismissing the API keys page's alert about an exposed key, for the person who dismisses it only
// (others still see it). A later report of the same key shows the alert again.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { query, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { isPlausibleId } from "@/lib/ids";

const noSuchAlert = () => new AppError("not_found", "There is no alert about this key to dismiss.");

export async function dismissExposureAlert(actor: Actor, input: { keyId: string }): Promise<{ keyId: string }> {
  const scope = authorize(actor, "apiKeys.list");
  if (!scope.userId || !isPlausibleId(input.keyId)) throw noSuchAlert();
  const [dismissed] = await query<{ key_id: string }>(
    sql`INSERT INTO "exposure_alert_dismissals" ("user_id", "key_id", "reported_at")
        SELECT ${scope.userId}, k."id", k."exposure_reported_at" FROM "api_keys" k
        WHERE k."id" = ${input.keyId} AND k."workspace_id" = ${scope.workspaceId} AND k."exposure_reported_at" IS NOT NULL
        ON CONFLICT ("user_id", "key_id") DO UPDATE SET "reported_at" = excluded."reported_at", "dismissed_at" = now()
        RETURNING "key_id"`,
  );
  if (!dismissed) throw noSuchAlert();
  return { keyId: dismissed.key_id };
}
