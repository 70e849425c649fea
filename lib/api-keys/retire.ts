// Recording that previous secrets have retired. Retirement by time (idle, deadline) takes effect
// on its own: authentication applies the rule (previous_secret_retires_at) on every request. This
// writes it down, exactly once per secret, with the moment it happened:
//   - the sweeper (lib/jobs.ts, every instance, at least once a minute) records every secret
//     whose moment has passed;
//   - a roll records its key's previous secret: at its moment if that has passed, otherwise now,
//     as `rolled_again`.
// Exactly once: the UPDATE matches only rows with retired_at IS NULL, and a concurrent writer of
// the same row makes PostgreSQL re-check that (and the rule, on the row's new last_used_at) first.
import type { AuditContext } from "@/lib/audit";
import { recordAudit } from "@/lib/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rollIdleSeconds } from "./config";
import { keyAuditFields } from "./read";

type RetirementReason = "idle" | "deadline" | "rolled_again";

type Retired = { key_id: string; workspace_id: string; description: string; hint: string; retired_at: Date; reason: RetirementReason };

const SYSTEM = { type: "system", name: "Key rotation" } as const;

/**
 * Retires the previous secret of `keyId` (a roll), or every previous secret whose moment has
 * passed (keyId null: the sweeper), and records an audit event for each. Returns how many.
 */
export async function retirePreviousSecrets(tx: Prisma.TransactionClient, keyId: string | null, roller?: AuditContext): Promise<number> {
  const retired = await tx.$queryRawUnsafe<Retired[]>(
    `UPDATE "api_key_secrets" p
     SET "retired_at" = least(previous_secret_retires_at(p."superseded_at", p."expires_at", p."last_used_at", k.current_first_used_at, $2), now()),
         "retired_reason" = CASE
           WHEN previous_secret_retires_at(p."superseded_at", p."expires_at", p."last_used_at", k.current_first_used_at, $2) > now() THEN 'rolled_again'
           WHEN previous_secret_retires_at(p."superseded_at", p."expires_at", p."last_used_at", k.current_first_used_at, $2) >= p."expires_at" THEN 'deadline'
           ELSE 'idle' END
     FROM (
       SELECT k."id", k."workspace_id", k."description", cur."first_used_at" AS current_first_used_at
       FROM "api_keys" k
       LEFT JOIN "api_key_secrets" cur ON cur."key_id" = k."id" AND cur."superseded_at" IS NULL
       WHERE k."revoked_at" IS NULL
     ) k
     WHERE p."key_id" = k."id" AND p."superseded_at" IS NOT NULL AND p."retired_at" IS NULL
       AND CASE WHEN $1::text IS NULL
                THEN previous_secret_retires_at(p."superseded_at", p."expires_at", p."last_used_at", k.current_first_used_at, $2) <= now()
                ELSE p."key_id" = $1::text END
     RETURNING p."key_id", k."workspace_id", k."description", p."hint", p."retired_at", p."retired_reason" AS reason`,
    keyId,
    rollIdleSeconds(),
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
