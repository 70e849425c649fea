// Every change to a key that the audit log records is also a webhook event of the same name
// (api_key.created, .updated, .rolled, .previous_secret_retired, .revoked, .exposed). recordAudit
// (lib/audit.ts) calls this in the change's transaction, so no producer can forget it. The payload
// carries the key as the REST API returns it (its hints, never a secret), the audit actor and the
// audit event's id.
import "server-only";
import type { AuditActor } from "@/lib/audit";
import { readKeys } from "@/lib/api-keys/read";
import type { Transaction } from "@/lib/db/sql";
import { enqueueWebhookEvent, hasSubscribers } from "./enqueue";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./schemas";

const isKeyEvent = (action: string): action is WebhookEventType =>
  action.startsWith("api_key.") && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(action);

export async function enqueueKeyEvent(
  tx: Transaction,
  event: { workspaceId: string; action: string; keyId: string; actor: AuditActor; auditEventId: string; createdAt: Date },
): Promise<void> {
  if (!isKeyEvent(event.action)) return;
  if (!(await hasSubscribers(tx, event.workspaceId, event.action))) return;
  const [key] = await readKeys(event.workspaceId, event.keyId, tx);
  if (!key) return;
  await enqueueWebhookEvent(tx, {
    workspaceId: event.workspaceId,
    type: event.action,
    timestamp: event.createdAt,
    data: { key, actor: event.actor, auditEventId: event.auditEventId },
  });
}
