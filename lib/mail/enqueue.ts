// The mail outbox: a notice becomes one row per recipient, written with the caller's transaction
// client, so the rows commit with the change or moment that caused them or not at all. Recipients
// are the workspace's owners and admins whose preference for the notice's category is on when it is
// queued (a person who turns a category back on later does not get the notices missed meanwhile).
// The unique index (kind, target, occurrence, person) makes a second queueing of the same notice,
// by a racing instance or a retried sweep, a no-op. The mail worker (worker.ts) sends the rows.
import { query, sql, type Transaction } from "@/lib/db/sql";
import { NOTICE_CATEGORY, type NoticeKind } from "./kinds";

export type Notice = {
  kind: NoticeKind;
  workspaceId: string;
  /** The key's or the webhook endpoint's id. */
  targetId: string;
  /** Which time it is about: the same notice for the same occurrence is queued once per person. */
  occurrence: string;
  /** What the message says besides the workspace (added here): names and times, never a secret. */
  data: Record<string, unknown>;
};

/** Queues the notice for each recipient in the caller's transaction; returns how many rows were new. */
export async function enqueueNotice(tx: Transaction, notice: Notice): Promise<number> {
  const rows = await query<{ id: string }>(
    sql`INSERT INTO "mail_messages" ("workspace_id", "user_id", "to_address", "kind", "target_id", "occurrence", "data")
        SELECT w."id", u."id", u."email", ${notice.kind}, ${notice.targetId}, ${notice.occurrence},
               ${JSON.stringify(notice.data)}::jsonb || jsonb_build_object('workspace', jsonb_build_object('id', w."id", 'name', w."name", 'slug', w."slug"))
        FROM "memberships" m
        JOIN "users" u ON u."id" = m."user_id"
        JOIN "workspaces" w ON w."id" = m."workspace_id"
        WHERE m."workspace_id" = ${notice.workspaceId} AND m."role" IN ('OWNER', 'ADMIN')
          AND CASE ${NOTICE_CATEGORY[notice.kind]}::text
                WHEN 'keyExpiring' THEN u."notify_key_expiring"
                WHEN 'keyExposed' THEN u."notify_key_exposed"
                WHEN 'keyUnused' THEN u."notify_key_unused"
                WHEN 'webhookFailing' THEN u."notify_webhook_failing"
                WHEN 'keyNewAddress' THEN u."notify_key_new_address"
              END
        ON CONFLICT ("kind", "target_id", "occurrence", "user_id") DO NOTHING
        RETURNING "id"`,
    tx,
  );
  return rows.length;
}
