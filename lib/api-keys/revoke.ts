// Revoke a key: it stops working on the very next request (authentication reads revoked_at).
// Revoking a revoked key changes nothing and records no second event, even when two revokes
// race (only one UPDATE matches `revoked_at IS NULL`). It first waits for writes in flight with
// the key, and new ones wait for it (lib/api-keys/hold.ts), so no write made with the key commits
// after the revoke has answered.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit, type AuditContext } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isPlausibleId } from "@/lib/ids";
import { rollIdleSeconds } from "./config";
import { keyNotFound } from "./errors";
import { lockKeysForChange } from "./hold";
import { keyAuditFields, readKeys } from "./read";
import type { ApiKeyDto } from "./schemas";

export async function revokeApiKey(actor: Actor, input: { keyId: string }): Promise<ApiKeyDto> {
  const scope = authorize(actor, "apiKeys.revoke");
  if (!isPlausibleId(input.keyId)) throw keyNotFound();
  const key = await db().$transaction(
    async (tx) => {
      await revokeKeyInTransaction(tx, scope, input.keyId, scope.userId);
      const [key] = await readKeys(scope.workspaceId, input.keyId, tx);
      if (!key) throw keyNotFound();
      return key;
    },
    { maxWait: 15_000, timeout: 15_000 },
  ); // it may wait for writes in flight with the key
  return key;
}

/**
 * Revokes a key of the context's workspace inside the caller's transaction and records the event;
 * returns false when it was already revoked (or does not exist there). Also used by leaked-key reports.
 */
export async function revokeKeyInTransaction(
  tx: Prisma.TransactionClient,
  context: AuditContext,
  keyId: string,
  revokedById: string | null,
): Promise<boolean> {
  await lockKeysForChange(tx, [keyId]);
  const [revoked] = await query<{ id: string; description: string }>(
    sql`UPDATE "api_keys" SET "revoked_at" = now(), "revoked_by_id" = ${revokedById}
        WHERE "id" = ${keyId} AND "workspace_id" = ${context.workspaceId} AND "revoked_at" IS NULL
        RETURNING "id", "description"`,
    tx,
  );
  if (!revoked) return false;
  const [secret] = await query<{ hint: string }>(
    sql`SELECT "hint" FROM api_key_secret_states(${rollIdleSeconds()}) WHERE "key_id" = ${keyId} AND "state" = 'current'`,
    tx,
  );
  await recordAudit(tx, context, { action: "api_key.revoked", ...keyAuditFields({ ...revoked, hint: secret?.hint ?? "" }) });
  return true;
}
