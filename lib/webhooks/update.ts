// Change an endpoint (owners and admins): its URL, description, event types, and whether it is
// enabled. Enabling clears disabledReason and the failure count; disabling by a person records
// "manual". The row is locked while it is read and written, so each audit event's `from` is what
// the change really replaced; a request that changes nothing records nothing.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import type { EndpointChangeField } from "@/lib/audit-log/events";
import { db } from "@/lib/db/client";
import { execute, query, sql } from "@/lib/db/sql";
import { isPlausibleId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { endpointNotFound } from "./errors";
import { readEndpoints } from "./read";
import { updateEndpointInput, type EndpointDto, type WebhookEventType } from "./schemas";
import { checkEndpointUrl } from "./url-guard";

type Before = { url: string; description: string; events: WebhookEventType[] | null; enabled: boolean };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateWebhookEndpoint(actor: Actor, input: { endpointId: string; changes: unknown }): Promise<EndpointDto> {
  const scope = authorize(actor, "webhooks.manage");
  if (!isPlausibleId(input.endpointId)) throw endpointNotFound();
  const wanted = parseInput(updateEndpointInput, input.changes);
  if (wanted.url !== undefined) await checkEndpointUrl(wanted.url);
  return db().$transaction(async (tx) => {
    const [before] = await query<Before>(
      sql`SELECT "url", "description", "events", "enabled" FROM "webhook_endpoints"
          WHERE "id" = ${input.endpointId} AND "workspace_id" = ${scope.workspaceId} FOR NO KEY UPDATE`,
      tx,
    );
    if (!before) throw endpointNotFound();
    const changes: Partial<Record<EndpointChangeField, { from: unknown; to: unknown }>> = {};
    for (const field of ["url", "description", "events", "enabled"] as const) {
      if (wanted[field] !== undefined && !same(wanted[field], before[field])) changes[field] = { from: before[field], to: wanted[field] };
    }
    if (Object.keys(changes).length > 0) {
      const url = wanted.url ?? before.url;
      const description = wanted.description ?? before.description;
      const events = wanted.events === undefined ? before.events : wanted.events;
      const enabling = changes.enabled?.to === true;
      const disabling = changes.enabled?.to === false;
      await execute(
        sql`UPDATE "webhook_endpoints" SET
              "url" = ${url}, "description" = ${description}, "events" = ${events ? JSON.stringify(events) : null}::jsonb,
              "enabled" = CASE WHEN ${enabling} THEN true WHEN ${disabling} THEN false ELSE "enabled" END,
              "disabled_reason" = CASE WHEN ${enabling} THEN NULL WHEN ${disabling} THEN 'manual' ELSE "disabled_reason" END,
              "consecutive_failures" = CASE WHEN ${enabling} THEN 0 ELSE "consecutive_failures" END
            WHERE "id" = ${input.endpointId}`,
        tx,
      );
      await recordAudit(tx, scope, {
        action: "webhook_endpoint.updated",
        targetType: "webhook_endpoint",
        targetId: input.endpointId,
        metadata: { url, description, changes },
      });
    }
    const [endpoint] = await readEndpoints(scope.workspaceId, input.endpointId, tx);
    return endpoint!;
  });
}
