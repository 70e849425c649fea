// Create a key: check the role, validate, generate the secret, then in one transaction lock
// the workspace row (so concurrent creates queue up and the 20-key cap holds exactly; "no
// key update" so rows that merely reference the workspace are not held up),
// count active keys, insert the key (hash and hint only) and its audit event.
// The secret is returned here, once, and exists nowhere else.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import { keyLimitReached } from "./errors";
import { MAX_ACTIVE_KEYS, createApiKeyInput, type ApiKeyDto } from "./schemas";
import { generateSecret, hashSecret, hintFor } from "./secret";
import { keyAuditFields, keyInclude, toApiKeyDto } from "./serialize";

export async function createApiKey(actor: Actor, input: unknown): Promise<{ key: ApiKeyDto; secret: string }> {
  const scope = authorize(actor, "apiKeys.create");
  const { description } = parseInput(createApiKeyInput, input);
  const secret = generateSecret();

  const key = await db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM workspaces WHERE id = ${scope.workspaceId} FOR NO KEY UPDATE`;
      const active = await tx.apiKey.count({ where: { workspaceId: scope.workspaceId, revokedAt: null } });
      if (active >= MAX_ACTIVE_KEYS) throw keyLimitReached();
      const row = await tx.apiKey.create({
        data: {
          workspaceId: scope.workspaceId,
          description,
          hash: hashSecret(secret),
          hint: hintFor(secret),
          createdById: scope.userId!,
        },
        include: keyInclude,
      });
      await recordAudit(tx, scope, actor.client, { action: "api_key.created", ...keyAuditFields(row) });
      return row;
    },
    // Creates of one workspace wait for each other on the row lock: give them time to queue.
    { maxWait: 15_000, timeout: 15_000 },
  );
  return { key: toApiKeyDto(key), secret };
}
