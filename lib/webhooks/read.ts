// Reading endpoints and deliveries in their public shape. Secrets never leave the database here:
// only their hint does.
import "server-only";
import { query, sql, type Transaction } from "@/lib/db/sql";
import type { DeliveryDto, DeliveryStatus, EndpointDto, WebhookEventType } from "./schemas";

type EndpointRow = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[] | null;
  enabled: boolean;
  disabled_reason: "failing" | "manual" | null;
  created_at: Date;
  secret_hint: string;
};

/** Endpoints of a workspace, newest first: one (`endpointId`), or all when it is null. */
export async function readEndpoints(workspaceId: string, endpointId: string | null, tx?: Transaction): Promise<EndpointDto[]> {
  const rows = await query<EndpointRow>(
    sql`SELECT "id", "url", "description", "events", "enabled", "disabled_reason", "created_at", "secret_hint"
        FROM "webhook_endpoints"
        WHERE "workspace_id" = ${workspaceId} AND (${endpointId}::text IS NULL OR "id" = ${endpointId}::text)
        ORDER BY "created_at" DESC, "id" DESC`,
    tx,
  );
  return rows.map((row) => ({
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at.toISOString(),
    secretHint: row.secret_hint,
  }));
}

export type DeliveryRow = {
  id: string;
  event_id: string;
  event_type: WebhookEventType;
  status: DeliveryStatus;
  attempts: number;
  response_status: number | null;
  duration_ms: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  created_at: Date;
};

export const DELIVERY_COLUMNS = sql`"id", "event_id", "event_type", "status", "attempts", "response_status", "duration_ms", "last_error", "next_attempt_at", "created_at"`;

export function toDeliveryDto(row: DeliveryRow): DeliveryDto {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.response_status,
    durationMs: row.duration_ms,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
