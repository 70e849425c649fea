// Audit events: who did what, when and from where. Written with the same transaction client
// as the change they record, so there is never a change without its event (or the reverse).
// Metadata must never hold a secret. What each action's metadata holds is lib/audit-log/events.ts.
// An event about a key is also a webhook event, queued in the same transaction (lib/webhooks/key-events.ts).
import type { AuditEventBody } from "@/lib/audit-log/events";
import type { Client } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueKeyEvent } from "@/lib/webhooks/key-events";

/** Who an event is by: a person, an API key, the product itself, or an unauthenticated report. */
export type AuditActor =
  | { type: "user"; id: string; name: string; email: string }
  | { type: "apiKey"; id: string }
  | { type: "system"; name: string }
  | { type: "public" };

/** Where an event happens and who does it: an authorized scope (lib/auth/authorize.ts) or the system's own. */
export type AuditContext = { workspaceId: string; by: AuditActor; client: Client | null };

export async function recordAudit(
  tx: Prisma.TransactionClient,
  context: AuditContext,
  event: AuditEventBody & { targetType: string; targetId: string; createdAt?: Date },
) {
  const { by } = context;
  const { id, createdAt } = await tx.auditEvent.create({
    select: { id: true, createdAt: true },
    data: {
      workspaceId: context.workspaceId,
      actorType: by.type,
      actorUserId: by.type === "user" ? by.id : null,
      actorKeyId: by.type === "apiKey" ? by.id : null,
      actorName: by.type === "user" || by.type === "system" ? by.name : null,
      actorEmail: by.type === "user" ? by.email : null,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      ip: context.client?.ip ?? null,
      userAgent: context.client?.userAgent ?? null,
      metadata: event.metadata as Prisma.InputJsonObject,
      ...(event.createdAt ? { createdAt: event.createdAt } : {}),
    },
  });
  if (event.targetType === "api_key") {
    await enqueueKeyEvent(tx, {
      workspaceId: context.workspaceId,
      action: event.action,
      keyId: event.targetId,
      actor: by,
      auditEventId: id,
      createdAt,
    });
  }
}
