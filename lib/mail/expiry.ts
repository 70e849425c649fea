// The expiry notices of keys, swept every 30 seconds by every instance (lib/jobs.ts): a key's
// notice moments are 7 days before its expiry, 1 day before, and the expiry itself.
// api_keys.expiry_notice_stage records the latest moment passed (1, 2, 3); the sweep moves each
// key with an expiry to the latest moment that has passed, in one UPDATE guarded by the stage it
// read, so that when instances race, one moves it and the others find nothing to do. A moment
// passed while the app was down is caught up at the first sweep, but only the latest: a key
// found with half a day left gets its 1-day notice, not the 7-day one too.
// Which moments send mail: the 7-day notice when the key had more than 7 days left when its
// expiry was set (expiry_set_at), the 1-day notice when it had more than 1 day; the expired
// notice always. Setting a new expiry re-arms the stage (lib/api-keys/update.ts). The mail rows
// are queued in the sweep's transaction, so a moment is passed and announced together or not at all.
import "server-only";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import { enqueueNotice } from "./enqueue";
import type { NoticeKind } from "./kinds";

const STAGE_KINDS: Record<number, NoticeKind> = { 1: "key_expiring_7d", 2: "key_expiring_1d", 3: "key_expired" };

type Passed = { id: string; workspace_id: string; description: string; expires_at: Date; stage: number; announced: boolean };

/** Moves every key past its due notice moment and queues the notices; returns how many notices (keys) were queued. */
export function sweepExpiryNotices(): Promise<number> {
  return db().$transaction(async (tx) => {
    const passed = await query<Passed>(
      sql`WITH due AS (
            SELECT "id",
                   CASE WHEN "expires_at" <= now() THEN 3
                        WHEN "expires_at" <= now() + interval '1 day' THEN 2
                        ELSE 1 END AS stage
            FROM "api_keys"
            WHERE "expires_at" IS NOT NULL AND "revoked_at" IS NULL AND "expiry_notice_stage" < 3
              AND "expires_at" <= now() + interval '7 days'
          )
          UPDATE "api_keys" k SET "expiry_notice_stage" = due.stage
          FROM due
          WHERE k."id" = due."id" AND k."expiry_notice_stage" < due.stage
          RETURNING k."id", k."workspace_id", k."description", k."expires_at", due.stage,
                    CASE due.stage
                      WHEN 1 THEN k."expires_at" - k."expiry_set_at" > interval '7 days'
                      WHEN 2 THEN k."expires_at" - k."expiry_set_at" > interval '1 day'
                      ELSE true END AS announced`,
      tx,
    );
    let queued = 0;
    for (const key of passed.filter((row) => row.announced)) {
      await enqueueNotice(tx, {
        kind: STAGE_KINDS[key.stage]!,
        workspaceId: key.workspace_id,
        targetId: key.id,
        occurrence: key.expires_at.toISOString(),
        data: { key: { id: key.id, description: key.description, expiresAt: key.expires_at.toISOString() } },
      });
      queued++;
    }
    return queued;
  });
}
