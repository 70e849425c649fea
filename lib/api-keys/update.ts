// Rename a key (owners and admins). A revoked key keeps its name (409); an expired one may still
// be renamed, since it stays listed until someone revokes it.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import { isPlausibleId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { keyNotActive, keyNotFound } from "./errors";
import { keyAuditFields, readKeys } from "./read";
import { updateApiKeyInput, type ApiKeyDto } from "./schemas";

export async function updateApiKey(actor: Actor, input: { keyId: string; changes: unknown }): Promise<ApiKeyDto> {
  const scope = authorize(actor, "apiKeys.update");
  if (!isPlausibleId(input.keyId)) throw keyNotFound();
  const { description } = parseInput(updateApiKeyInput, input.changes);
  return db().$transaction(async (tx) => {
    const [before] = await query<{ description: string; revoked: boolean }>(
      sql`SELECT "description", "revoked_at" IS NOT NULL AS revoked FROM "api_keys"
          WHERE "id" = ${input.keyId} AND "workspace_id" = ${scope.workspaceId} FOR NO KEY UPDATE`,
      tx,
    );
    if (!before) throw keyNotFound();
    if (before.revoked) throw keyNotActive("revoked", "renamed");
    if (before.description !== description) {
      await tx.apiKey.update({ where: { id: input.keyId }, data: { description } });
    }
    const [key] = await readKeys(scope.workspaceId, input.keyId, tx);
    if (before.description !== description) {
      await recordAudit(tx, scope, {
        action: "api_key.updated",
        ...keyAuditFields(key!),
        metadata: { description, hint: key!.hint, previousDescription: before.description },
      });
    }
    return key!;
  });
}
