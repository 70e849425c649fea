// Delete an endpoint (owners and admins): its deliveries go with it, including pending ones, so
// nothing more is sent to it. Answers with the endpoint as it was.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { execute, sql } from "@/lib/db/sql";
import { isPlausibleId } from "@/lib/ids";
import { endpointNotFound } from "./errors";
import { readEndpoints } from "./read";
import type { EndpointDto } from "./schemas";

export async function deleteWebhookEndpoint(actor: Actor, input: { endpointId: string }): Promise<EndpointDto> {
  const scope = authorize(actor, "webhooks.manage");
  if (!isPlausibleId(input.endpointId)) throw endpointNotFound();
  return db().$transaction(async (tx) => {
    const [endpoint] = await readEndpoints(scope.workspaceId, input.endpointId, tx);
    if (!endpoint) throw endpointNotFound();
    // Two deletes racing: only the one whose DELETE matched records the event.
    const deleted = await execute(
      sql`DELETE FROM "webhook_endpoints" WHERE "id" = ${input.endpointId} AND "workspace_id" = ${scope.workspaceId}`,
      tx,
    );
    if (deleted === 0) throw endpointNotFound();
    await recordAudit(tx, scope, {
      action: "webhook_endpoint.deleted",
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      metadata: { url: endpoint.url, description: endpoint.description },
    });
    return endpoint;
  });
}
