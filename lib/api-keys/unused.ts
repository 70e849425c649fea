// The key policy's revokeUnusedAfterDays (lib/api-keys/policy.ts), run by the background jobs
// (lib/jobs.ts) on every instance. A key is unused since its latest request by any of its secrets,
// or its creation. Two steps, each exact however many instances run them at once:
//   - warn: an active key unused for (days - 7) days that has not been warned since it was last
//     used gets `unused_warned_at` = now (the condition is re-checked on the row, so one instance
//     warns it once), and its owners and admins an e-mail queued in the same transaction;
//   - revoke: a key warned at least 7 days ago, unused since the warning and for at least `days`,
//     is revoked by the system actor "Unused key policy" with one `api_key.revoked` event (only
//     the instance whose UPDATE still finds it unrevoked records it). A key already past the
//     limit when the policy is set is therefore warned first and revoked 7 days later, never at once.
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import { enqueueNotice } from "@/lib/mail/enqueue";
import { rollIdleSeconds } from "./config";
import { UNUSED_WARNING_DAYS } from "./policy-schemas";
import { keyAuditFields } from "./read";

const UNUSED_KEY_POLICY = { type: "system", name: "Unused key policy" } as const;

/** The active keys of workspaces with the rule, with when each was last active. */
const CANDIDATES = sql`
  SELECT k."id", k."workspace_id", k."unused_warned_at", w."api_key_revoke_unused_days" AS days,
         greatest(k."created_at", (SELECT max(s."last_used_at") FROM "api_key_secrets" s WHERE s."key_id" = k."id")) AS last_active
  FROM "api_keys" k JOIN "workspaces" w ON w."id" = k."workspace_id"
  WHERE w."api_key_revoke_unused_days" IS NOT NULL AND k."revoked_at" IS NULL
    AND api_key_state(k."revoked_at", k."expires_at") = 'active'`;

export async function revokeUnusedKeys(): Promise<{ warned: number; revoked: number }> {
  // The warning and its e-mail to the owners and admins (lib/mail) commit together.
  const warned = await db().$transaction(async (tx) => {
    const rows = await query<{ id: string; workspace_id: string; description: string; unused_warned_at: Date }>(
      sql`WITH candidates AS (${CANDIDATES})
          UPDATE "api_keys" k SET "unused_warned_at" = now()
          FROM candidates c
          WHERE k."id" = c."id" AND k."revoked_at" IS NULL
            AND c.last_active <= now() - make_interval(days => c.days - ${UNUSED_WARNING_DAYS})
            AND (c."unused_warned_at" IS NULL OR c."unused_warned_at" < c.last_active)
            AND k."unused_warned_at" IS NOT DISTINCT FROM c."unused_warned_at"
          RETURNING k."id", k."workspace_id", k."description", k."unused_warned_at"`,
      tx,
    );
    for (const key of rows) {
      const revokeAt = new Date(key.unused_warned_at.getTime() + UNUSED_WARNING_DAYS * 86_400_000);
      await enqueueNotice(tx, {
        kind: "key_unused",
        workspaceId: key.workspace_id,
        targetId: key.id,
        occurrence: key.unused_warned_at.toISOString(),
        data: { key: { id: key.id, description: key.description }, revokeAt: revokeAt.toISOString() },
      });
    }
    return rows;
  });
  const revoked = await db().$transaction(async (tx) => {
    const rows = await query<{ id: string; workspace_id: string; description: string; hint: string | null }>(
      sql`WITH candidates AS (${CANDIDATES}),
          revoked AS (
            UPDATE "api_keys" k SET "revoked_at" = now()
            FROM candidates c
            WHERE k."id" = c."id" AND k."revoked_at" IS NULL
              AND c."unused_warned_at" <= now() - make_interval(days => ${UNUSED_WARNING_DAYS})
              AND c.last_active <= c."unused_warned_at"
              AND c.last_active <= now() - make_interval(days => c.days)
            RETURNING k."id", k."workspace_id", k."description"
          )
          SELECT revoked.*, cur."hint"
          FROM revoked LEFT JOIN api_key_secret_states(${rollIdleSeconds()}) cur ON cur."key_id" = revoked."id" AND cur."state" = 'current'`,
      tx,
    );
    for (const key of rows) {
      const fields = keyAuditFields({ ...key, hint: key.hint ?? "" });
      await recordAudit(
        tx,
        { workspaceId: key.workspace_id, by: UNUSED_KEY_POLICY, client: null },
        { action: "api_key.revoked", ...fields, metadata: { ...fields.metadata, reason: "unused" } },
      );
    }
    return rows.length;
  });
  return { warned: warned.length, revoked };
}
