// Roll a key: a new secret for the same key (same id, description, expiry, history and place
// under the cap). The previous secret keeps working until the earliest of its deadline
// (previousSecretExpiresInSeconds from now), the moment it has been idle for ROLL_IDLE_SECONDS
// once the new secret has served a request, and the next roll (see previous_secret_retires_at).
// Concurrent rolls of one key queue on the key's row, so a key always has exactly one current
// secret and at most one previous one. The new secret is returned here, once.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import { isPlausibleId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { lockKeysForChange } from "./hold";
import { keyNotActive, keyNotFound } from "./errors";
import { keyAuditFields, readKeys } from "./read";
import { retirePreviousSecrets } from "./retire";
import { rollIdleSeconds } from "./config";
import { rollApiKeyInput, type ApiKeyDto, type KeyStatus } from "./schemas";
import { generateSecret, hashSecret, hintFor } from "./secret";

export async function rollApiKey(actor: Actor, input: { keyId: string; options: unknown }): Promise<ApiKeyDto & { secret: string }> {
  const scope = authorize(actor, "apiKeys.roll");
  if (!isPlausibleId(input.keyId)) throw keyNotFound();
  const { previousSecretExpiresInSeconds } = parseInput(rollApiKeyInput, input.options ?? {});
  const secret = generateSecret();

  const key = await db().$transaction(
    async (tx) => {
      await lockKeysForChange(tx, [input.keyId]);
      const [key] = await query<{ state: KeyStatus }>(
        sql`SELECT api_key_state("revoked_at", "expires_at") AS state
            FROM "api_keys" WHERE "id" = ${input.keyId} AND "workspace_id" = ${scope.workspaceId} FOR NO KEY UPDATE`,
        tx,
      );
      if (!key) throw keyNotFound();
      if (key.state !== "active") throw keyNotActive(key.state, "rolled");

      await retirePreviousSecrets(tx, input.keyId, scope);
      const [previous] = await query<{ hint: string; expires_at: Date }>(
        sql`UPDATE "api_key_secrets" s
            SET "superseded_at" = now(), "expires_at" = now() + make_interval(secs => ${previousSecretExpiresInSeconds})
            FROM api_key_secret_states(${rollIdleSeconds()}) cur
            WHERE s."id" = cur."id" AND cur."key_id" = ${input.keyId} AND cur."state" = 'current'
            RETURNING s."hint", s."expires_at"`,
        tx,
      );
      await tx.apiKeySecret.create({ data: { keyId: input.keyId, hash: hashSecret(secret), hint: hintFor(secret) } });
      const [rolled] = await readKeys(scope.workspaceId, input.keyId, tx);
      await recordAudit(tx, scope, {
        action: "api_key.rolled",
        ...keyAuditFields(rolled!),
        metadata: {
          description: rolled!.description,
          hint: rolled!.hint,
          previousHint: previous!.hint,
          previousSecretExpiresAt: previous!.expires_at.toISOString(),
        },
      });
      return rolled!;
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  return { ...key, secret };
}
