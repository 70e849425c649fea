-- Leaked keys (lib/leaks): the public revocation endpoint's per-address budget, and who has
-- dismissed the dashboard's alert about an exposed key.

-- Requests to POST /api/v1/revocations per client address in the current window, one atomic
-- upsert per request (lib/leaks/revocation-limit.ts). UNLOGGED like failed_auth_attempts: a
-- PostgreSQL crash empties it, which only gives every address a fresh budget.
CREATE UNLOGGED TABLE "revocation_requests" (
    "ip" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "revocation_requests_pkey" PRIMARY KEY ("ip")
);

-- A person who dismissed the alert about a key's exposure reported at "reported_at"; a later
-- report of the same key shows the alert again.
CREATE TABLE "exposure_alert_dismissals" (
    "user_id" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL,
    "dismissed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exposure_alert_dismissals_pkey" PRIMARY KEY ("user_id", "key_id")
);

ALTER TABLE "exposure_alert_dismissals" ADD CONSTRAINT "exposure_alert_dismissals_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "exposure_alert_dismissals" ADD CONSTRAINT "exposure_alert_dismissals_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The API keys page asks for the workspace's keys reported in the last 30 days.
CREATE INDEX "api_keys_workspace_id_exposure_reported_at_idx" ON "api_keys"("workspace_id", "exposure_reported_at");
