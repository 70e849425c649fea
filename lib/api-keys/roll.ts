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
import { isPlausibleId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { keyNotActive, keyNotFound } from "./errors";
import { keyAuditFields, readKeys } from "./read";
import { retirePreviousSecrets } from "./retire";
import { rollApiKeyInput, type ApiKeyDto } from "./schemas";
import { generateSecret, hashSecret, hintFor } from "./secret";

export async function rollApiKey(actor: Actor, input: { keyId: string; options: unknown }): Promise<ApiKeyDto & { secret: string }> {
  const scope = authorize(actor, "apiKeys.roll");
  if (!isPlausibleId(input.keyId)) throw keyNotFound();
  const { previousSecretExpiresInSeconds } = parseInput(rollApiKeyInput, input.options ?? {});
  const secret = generateSecret();

  const key = await db().$transaction(
    async (tx) => {
      const [key] = await tx.$queryRaw<{ revoked: boolean; expired: boolean }[]>`
        SELECT "revoked_at" IS NOT NULL AS revoked, coalesce("expires_at" <= now(), false) AS expired
        FROM "api_keys" WHERE "id" = ${input.keyId} AND "workspace_id" = ${scope.workspaceId} FOR NO KEY UPDATE`;
      if (!key) throw keyNotFound();
      if (key.revoked) throw keyNotActive("revoked", "rolled");
      if (key.expired) throw keyNotActive("expired", "rolled");

      await retirePreviousSecrets(tx, input.keyId, scope);
      const [previous] = await tx.$queryRaw<{ hint: string; expires_at: Date }[]>`
        UPDATE "api_key_secrets" SET "superseded_at" = now(), "expires_at" = now() + make_interval(secs => ${previousSecretExpiresInSeconds})
        WHERE "key_id" = ${input.keyId} AND "superseded_at" IS NULL
        RETURNING "hint", "expires_at"`;
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
