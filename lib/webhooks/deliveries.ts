// An endpoint's deliveries, newest first, with keyset pagination on (created_at, id); and asking
// for one to be attempted again now.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { execute, query, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { isPlausibleId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { deliveryNotFound, endpointNotFound } from "./errors";
import { DELIVERY_COLUMNS, toDeliveryDto, type DeliveryRow } from "./read";
import { deliveriesQuery, type DeliveryDto } from "./schemas";

export async function listDeliveries(
  actor: Actor,
  input: { endpointId: string; query: unknown },
): Promise<{ data: DeliveryDto[]; nextCursor: string | null }> {
  const scope = authorize(actor, "webhooks.manage");
  if (!isPlausibleId(input.endpointId)) throw endpointNotFound();
  const { limit, cursor } = parseInput(deliveriesQuery, input.query);
  const after = cursor ? decodeCursor(cursor) : null;
  const [endpoint] = await query(
    sql`SELECT 1 FROM "webhook_endpoints" WHERE "id" = ${input.endpointId} AND "workspace_id" = ${scope.workspaceId}`,
  );
  if (!endpoint) throw endpointNotFound();
  const rows = await query<DeliveryRow>(
    sql`SELECT ${DELIVERY_COLUMNS} FROM "webhook_deliveries"
        WHERE "endpoint_id" = ${input.endpointId}
          AND (${after?.createdAt ?? null}::timestamptz IS NULL OR ("created_at", "id") < (${after?.createdAt ?? null}::timestamptz, ${after?.id ?? null}::text))
        ORDER BY "created_at" DESC, "id" DESC
        LIMIT ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toDeliveryDto),
    nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

/**
 * Attempts a delivery again now, whatever its status (202). A failed one gets one more attempt; an
 * attempt already in flight is left to finish. Counted like any other attempt.
 */
export async function retryDelivery(actor: Actor, input: { endpointId: string; deliveryId: string }): Promise<{ deliveryId: string }> {
  const scope = authorize(actor, "webhooks.manage");
  if (!isPlausibleId(input.endpointId)) throw endpointNotFound();
  if (!isPlausibleId(input.deliveryId)) throw deliveryNotFound();
  const [found] = await query(
    sql`SELECT 1 FROM "webhook_deliveries" d JOIN "webhook_endpoints" e ON e."id" = d."endpoint_id"
        WHERE d."id" = ${input.deliveryId} AND d."endpoint_id" = ${input.endpointId} AND e."workspace_id" = ${scope.workspaceId}`,
  );
  if (!found) throw deliveryNotFound();
  await execute(
    sql`UPDATE "webhook_deliveries" SET "status" = 'pending', "next_attempt_at" = now()
        WHERE "id" = ${input.deliveryId} AND NOT coalesce("leased_until" > now(), false)`,
  );
  return { deliveryId: input.deliveryId };
}

const encodeCursor = (createdAt: Date, id: string) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !isPlausibleId(id)) {
    throw new AppError("invalid_input", "cursor is not valid: use nextCursor from the previous page.", { fields: { cursor: "not valid" } });
  }
  return { createdAt, id };
}
