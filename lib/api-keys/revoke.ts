// Revoke a key: it stops working on the very next request (authentication reads revoked_at).
// Revoking a revoked key changes nothing and records no second event, even when two
// revokes race (only one UPDATE matches `revoked_at IS NULL`).
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { isPlausibleId } from "@/lib/ids";
import { keyNotFound } from "./errors";
import type { ApiKeyDto } from "./schemas";
import { keyAuditFields, keyInclude, toApiKeyDto } from "./serialize";

export async function revokeApiKey(actor: Actor, input: { keyId: string }): Promise<ApiKeyDto> {
  const scope = authorize(actor, "apiKeys.revoke");
  const { keyId } = input;
  if (!isPlausibleId(keyId)) throw keyNotFound();

  const row = await db().$transaction(async (tx) => {
    const revoked = await tx.apiKey.updateMany({
      where: { id: keyId, workspaceId: scope.workspaceId, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: scope.userId },
    });
    const key = await tx.apiKey.findFirst({ where: { id: keyId, workspaceId: scope.workspaceId }, include: keyInclude });
    if (!key) throw keyNotFound();
    if (revoked.count === 1) await recordAudit(tx, scope, actor.client, { action: "api_key.revoked", ...keyAuditFields(key) });
    return key;
  });
  return toApiKeyDto(row);
}
