// The audit log of a workspace, newest first, with keyset pagination on (created_at, id): each
// page is an index range scan from the cursor, as fast on the 1,000th page as on the first.
// Owners and admins read it all (audit-events); every member reads the same events through the
// agent endpoints (agent/activity), without people's addresses and user agents, and without the
// events about webhook endpoints, which are for owners and admins only (webhooks.manage).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { query, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { roleMay } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { auditQuery, type AuditEventDto, type AuditPage } from "./schemas";

type Row = {
  id: string;
  action: string;
  created_at: Date;
  actor_type: AuditEventDto["actor"]["type"];
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  target_type: string;
  target_id: string;
  ip: string | null;
  user_agent: string | null;
  metadata: Record<string, unknown>;
};

/** The audit log (owners and admins). */
export async function listAuditEvents(actor: Actor, input: unknown): Promise<AuditPage> {
  const scope = authorize(actor, "auditLog.read");
  return readPage(scope.workspaceId, input, { withAddresses: true, withWebhooks: true });
}

/** The same events for every member (agent endpoints); people's addresses only for owners and admins. */
export async function listActivity(actor: Actor, input: unknown): Promise<AuditPage> {
  const scope = authorize(actor, "agent.access");
  return readPage(scope.workspaceId, input, {
    withAddresses: roleMay(scope.role, "audit.seeClients"),
    withWebhooks: roleMay(scope.role, "webhooks.manage"),
  });
}

async function readPage(
  workspaceId: string,
  input: unknown,
  { withAddresses, withWebhooks }: { withAddresses: boolean; withWebhooks: boolean },
): Promise<AuditPage> {
  const { limit, cursor, action, targetId } = parseInput(auditQuery, input);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await query<Row>(
    sql`SELECT e."id", e."action", e."created_at", e."actor_type",
            coalesce(e."actor_user_id", e."actor_key_id") AS actor_id,
            CASE e."actor_type" WHEN 'user' THEN coalesce(u."name", e."actor_name")
                                WHEN 'apiKey' THEN k."description"
                                ELSE e."actor_name" END AS actor_name,
            CASE e."actor_type" WHEN 'user' THEN coalesce(u."email", e."actor_email") END AS actor_email,
            e."target_type", e."target_id", e."ip", e."user_agent", e."metadata"
     FROM "audit_events" e
     LEFT JOIN "users" u ON u."id" = e."actor_user_id"
     LEFT JOIN "api_keys" k ON k."id" = e."actor_key_id"
     WHERE e."workspace_id" = ${workspaceId}
       AND (${action ?? null}::text IS NULL OR e."action" = ${action ?? null}::text)
       AND (${targetId ?? null}::text IS NULL OR e."target_id" = ${targetId ?? null}::text)
       AND (${withWebhooks}::boolean OR e."target_type" <> 'webhook_endpoint')
       AND (${after?.createdAt ?? null}::timestamptz IS NULL OR (e."created_at", e."id") < (${after?.createdAt ?? null}::timestamptz, ${after?.id ?? null}::text))
     ORDER BY e."created_at" DESC, e."id" DESC
     LIMIT ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => toEvent(row, withAddresses)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

function toEvent(row: Row, withAddresses: boolean): AuditEventDto {
  const description = typeof row.metadata.description === "string" ? row.metadata.description : null;
  // Action and metadata as recordAudit wrote them, which takes only the events of the union.
  return {
    id: row.id,
    action: row.action,
    createdAt: row.created_at.toISOString(),
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name, email: row.actor_email },
    target: { type: row.target_type, id: row.target_id, description },
    ip: withAddresses ? row.ip : null,
    userAgent: withAddresses ? row.user_agent : null,
    metadata: row.metadata,
  } as AuditEventDto;
}

// The cursor is the last event's (created_at, id), so the next page needs no extra lookup.
const encodeCursor = (createdAt: Date, id: string) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    throw new AppError("invalid_input", "cursor is not valid: use nextCursor from the previous page.", { fields: { cursor: "not valid" } });
  }
  return { createdAt, id };
}
