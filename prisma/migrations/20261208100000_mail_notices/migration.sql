-- E-mail notices (docs/notifications.md).
--
-- Each person's categories, on users: a notice is queued only to owners and admins whose column
-- for its category is true at the moment it is queued.
ALTER TABLE "users"
    ADD COLUMN "notify_key_expiring" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "notify_key_exposed" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "notify_key_unused" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "notify_webhook_failing" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "notify_key_new_address" BOOLEAN NOT NULL DEFAULT false;

-- The expiry notices of a key (lib/mail/expiry.ts): when its expiry was last set (the 7-day and
-- 1-day notices are for keys that had more than that left then), and the latest notice moment
-- the sweeper has passed (0 none, 1 seven days, 2 one day, 3 expired). Setting the expiry
-- again re-arms both.
ALTER TABLE "api_keys"
    ADD COLUMN "expiry_set_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "expiry_notice_stage" INTEGER NOT NULL DEFAULT 0;
UPDATE "api_keys" SET "expiry_set_at" = "created_at";
-- Keys that expired before there were notices are not announced now.
UPDATE "api_keys" SET "expiry_notice_stage" = 3 WHERE "expires_at" <= now();
CREATE INDEX "api_keys_expiry_notices_idx" ON "api_keys"("expires_at")
    WHERE "expires_at" IS NOT NULL AND "revoked_at" IS NULL AND "expiry_notice_stage" < 3;

-- The mail outbox and queue (lib/mail/worker.ts), like webhook_deliveries: one row per notice and
-- recipient, written in the transaction of the change or moment that causes it. The unique index
-- is the once-only rule: a notice (kind, target, occurrence) reaches each person once, however many
-- instances queue it. A pending row is due at next_attempt_at; a send in flight holds a lease.
CREATE TABLE "mail_messages" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
    "lease_token" TEXT,
    "leased_until" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "mail_messages_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "mail_messages_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "mail_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "mail_messages_status_check" CHECK ("status" IN ('pending', 'sent', 'refused')),
    CONSTRAINT "mail_messages_pending_check" CHECK (("status" = 'pending') = ("next_attempt_at" IS NOT NULL))
);
CREATE UNIQUE INDEX "mail_messages_kind_target_id_occurrence_user_id_key" ON "mail_messages"("kind", "target_id", "occurrence", "user_id");
-- Only pending rows have a next attempt (the check above), so this index is the queue alone.
CREATE INDEX "mail_messages_next_attempt_at_idx" ON "mail_messages"("next_attempt_at") WHERE "next_attempt_at" IS NOT NULL;
CREATE INDEX "mail_messages_created_at_idx" ON "mail_messages"("created_at");
