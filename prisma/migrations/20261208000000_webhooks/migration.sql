-- Webhooks (docs/webhooks.md): a workspace's endpoints, and one delivery row per event and
-- endpoint. The delivery rows are the outbox (written in the transaction of the change that
-- causes them) and the queue the delivery worker of every instance claims from
-- (lib/webhooks/worker.ts): a pending row is due at next_attempt_at, and an attempt in flight holds
-- a lease (lease_token, leased_until) that another worker may take over once it has passed.
CREATE TABLE "webhook_endpoints" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" JSONB,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabled_reason" TEXT,
    "secret_encrypted" TEXT NOT NULL,
    "secret_hint" TEXT NOT NULL,
    "previous_secret_encrypted" TEXT,
    "previous_secret_expires_at" TIMESTAMPTZ(3),
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_endpoints_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "webhook_endpoints_disabled_reason_check" CHECK ("disabled_reason" IN ('failing', 'manual')),
    CONSTRAINT "webhook_endpoints_disabled_check" CHECK ("enabled" = ("disabled_reason" IS NULL))
);
CREATE INDEX "webhook_endpoints_workspace_id_created_at_idx" ON "webhook_endpoints"("workspace_id", "created_at" DESC);

CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "endpoint_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "response_status" INTEGER,
    "duration_ms" INTEGER,
    "last_error" TEXT,
    "response_body" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3),
    "lease_token" TEXT,
    "leased_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "webhook_deliveries_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed')),
    CONSTRAINT "webhook_deliveries_pending_check" CHECK (("status" = 'pending') = ("next_attempt_at" IS NOT NULL))
);
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_id_idx" ON "webhook_deliveries"("endpoint_id", "created_at" DESC, "id" DESC);
-- Only pending rows have a next attempt (the check above), so this index is the queue alone.
CREATE INDEX "webhook_deliveries_next_attempt_at_idx" ON "webhook_deliveries"("next_attempt_at") WHERE "next_attempt_at" IS NOT NULL;
CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries"("created_at");
