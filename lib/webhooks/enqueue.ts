// The outbox: an event becomes one delivery row per endpoint that receives it, written with the
// caller's transaction client, so the rows commit with the change that caused them or not at all.
// The delivery worker (worker.ts) picks them up within about a second of the commit.
import { randomUUID } from "node:crypto";
import { query, sql, type Transaction } from "@/lib/db/sql";
import type { WebhookEventType } from "./schemas";

export type WebhookEvent = {
  workspaceId: string;
  type: WebhookEventType;
  /** The event's own fields; the workspace is added to them. Never a secret. */
  data: Record<string, unknown>;
  /** When it happened (the body's `timestamp`); default now. */
  timestamp?: Date;
  /** Only this endpoint, whatever it subscribes to and whether it is enabled (test events). */
  endpointId?: string;
};

/** Whether any enabled endpoint of the workspace receives this type: lets producers skip building a payload. */
export async function hasSubscribers(tx: Transaction, workspaceId: string, type: WebhookEventType): Promise<boolean> {
  const rows = await query(
    sql`SELECT 1 FROM "webhook_endpoints"
        WHERE "workspace_id" = ${workspaceId} AND "enabled" AND ("events" IS NULL OR "events" @> jsonb_build_array(${type}::text))
        LIMIT 1`,
    tx,
  );
  return rows.length > 0;
}

/** Writes the event's deliveries in the caller's transaction; returns their ids (none when no endpoint receives it). */
export async function enqueueWebhookEvent(tx: Transaction, event: WebhookEvent): Promise<string[]> {
  const eventId = `evt_${randomUUID().replaceAll("-", "")}`;
  const endpointId = event.endpointId ?? null;
  const rows = await query<{ id: string }>(
    sql`INSERT INTO "webhook_deliveries" ("endpoint_id", "event_id", "event_type", "payload", "next_attempt_at")
        SELECT e."id", ${eventId}, ${event.type},
               jsonb_build_object(
                 'type', ${event.type}::text,
                 'timestamp', ${(event.timestamp ?? new Date()).toISOString()}::text,
                 'data', jsonb_build_object('workspace', jsonb_build_object('id', w."id", 'name', w."name", 'slug', w."slug")) || ${JSON.stringify(event.data)}::jsonb
               ),
               now()
        FROM "webhook_endpoints" e JOIN "workspaces" w ON w."id" = e."workspace_id"
        WHERE e."workspace_id" = ${event.workspaceId}
          AND CASE WHEN ${endpointId}::text IS NULL
                   THEN e."enabled" AND (e."events" IS NULL OR e."events" @> jsonb_build_array(${event.type}::text))
                   ELSE e."id" = ${endpointId}::text END
        RETURNING "id"`,
    tx,
  );
  return rows.map((row) => row.id);
}
