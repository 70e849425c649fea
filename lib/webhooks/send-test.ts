// Send a `webhook.test` event to one endpoint (owners and admins), whatever event types it
// receives: a delivery like any other (signed, retried), so the receiver can be checked end to end.
// An endpoint that is disabled keeps it pending until it is enabled again.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { isPlausibleId } from "@/lib/ids";
import { enqueueWebhookEvent } from "./enqueue";
import { endpointNotFound } from "./errors";

export async function sendTestEvent(actor: Actor, input: { endpointId: string }): Promise<{ deliveryId: string }> {
  const scope = authorize(actor, "webhooks.manage");
  if (!isPlausibleId(input.endpointId)) throw endpointNotFound();
  const [deliveryId] = await db().$transaction((tx) =>
    enqueueWebhookEvent(tx, {
      workspaceId: scope.workspaceId,
      type: "webhook.test",
      endpointId: input.endpointId,
      data: { actor: scope.by, auditEventId: null },
    }),
  );
  if (!deliveryId) throw endpointNotFound();
  return { deliveryId };
}
