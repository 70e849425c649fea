// Audit events: who did what, when and from where. Written with the same transaction client
// as the change they record, so there is never a change without its event (or the reverse).
// Metadata must never hold a secret.
import type { Client } from "@/lib/auth/actor";
import type { WorkspaceScope } from "@/lib/auth/authorize";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction = "api_key.created" | "api_key.revoked" | "task.created" | "task.updated";

export async function recordAudit(
  tx: Prisma.TransactionClient,
  scope: WorkspaceScope,
  client: Client,
  event: { action: AuditAction; targetType: string; targetId: string; metadata?: Prisma.InputJsonObject },
) {
  await tx.auditEvent.create({
    data: {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      actorKeyId: scope.keyId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      ip: client.ip,
      userAgent: client.userAgent,
      metadata: event.metadata ?? {},
    },
  });
}
