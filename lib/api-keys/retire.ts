// Recording that previous secrets have retired. Retirement by time (idle, deadline) takes effect
// on its own: authentication applies the rule (previous_secret_retires_at) on every request. This
// writes it down, exactly once per secret, with the moment it happened:
//   - the sweeper (lib/jobs.ts, every instance, at least once a minute) records every secret
//     whose moment has passed;
//   - a roll records its key's previous secret: at its moment if that has passed, otherwise now,
//     as `rolled_again`.
// Exactly once: the UPDATE matches only rows with retired_at IS NULL, and a concurrent writer of
// the same row makes PostgreSQL re-check that (and the rule, on the row's new last_used_at) first:
// so the rule is applied to the updated row `p` itself; api_key_secret_states brings which secrets
// are previous ones of keys not revoked, and the first use of their key's current secret.
import type { AuditContext } from "@/lib/audit";
import { recordAudit } from "@/lib/audit";
import { query, sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RetirementReason } from "@/lib/audit-log/events";
import { rollIdleSeconds } from "./config";
import { keyAuditFields } from "./read";

type Retired = {
  key_id: string;
  workspace_id: string;
  description: string;
  hint: string;
  retired_at: Date;
  reason: Exclude<RetirementReason, "exposed">;
};

const SYSTEM = { type: "system", name: "Key rotation" } as const;

/**
 * Retires the previous secret of `keyId` (a roll), or every previous secret whose moment has
 * passed (keyId null: the sweeper), and records an audit event for each. Returns how many.
 */
export async function retirePreviousSecrets(tx: Prisma.TransactionClient, keyId: string | null, roller?: AuditContext): Promise<number> {
  const idleSeconds = rollIdleSeconds();
  const retiresAt = sql`previous_secret_retires_at(p."superseded_at", p."expires_at", p."last_used_at", st."current_first_used_at", ${idleSeconds})`;
  const retired = await query<Retired>(
    sql`UPDATE "api_key_secrets" p
     SET "retired_at" = least(${retiresAt}, now()),
         "retired_reason" = CASE
           WHEN ${retiresAt} > now() THEN 'rolled_again'
           WHEN ${retiresAt} >= p."expires_at" THEN 'deadline'
           ELSE 'idle' END
     FROM api_key_secret_states(${idleSeconds}) st
     -- A previous secret not yet recorded (st's columns: the index on retired_at, superseded_at), re-checked on p.
     WHERE st."retired_at" IS NULL AND st."superseded_at" IS NOT NULL AND st."key_state" <> 'revoked'
       AND p."id" = st."id" AND p."retired_at" IS NULL
       AND CASE WHEN ${keyId}::text IS NULL THEN ${retiresAt} <= now() ELSE p."key_id" = ${keyId}::text END
     RETURNING p."key_id", st."workspace_id", st."description", p."hint", p."retired_at", p."retired_reason" AS reason`,
    tx,
  );
  for (const secret of retired) {
    const context: AuditContext =
      secret.reason === "rolled_again" && roller ? roller : { workspaceId: secret.workspace_id, by: SYSTEM, client: null };
    await recordAudit(tx, context, {
      action: "api_key.previous_secret_retired",
      ...keyAuditFields({ id: secret.key_id, description: secret.description, hint: secret.hint }),
      metadata: { description: secret.description, hint: secret.hint, reason: secret.reason },
      createdAt: secret.retired_at,
    });
  }
  return retired.length;
}
