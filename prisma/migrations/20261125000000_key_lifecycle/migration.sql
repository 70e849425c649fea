-- Key lifecycle (roll, expiry, rename), usage by outcome, leaked-key exposure, several
-- workspaces per person, and keys that outlive their creators.

-- Secrets become their own rows: a key has one current secret (superseded_at IS NULL) and, while
-- a roll runs, one previous secret. Retired secrets stay (their hash identifies requests that
-- still use them: counted as denied on the key, never as guesses).
CREATE TABLE "api_key_secrets" (
    "id" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "superseded_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),
    "retired_reason" TEXT,
    "first_used_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "last_used_ip" TEXT,
    "last_used_user_agent" TEXT,

    CONSTRAINT "api_key_secrets_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "api_key_secrets_hash_key" ON "api_key_secrets"("hash");
CREATE INDEX "api_key_secrets_key_id_created_at_idx" ON "api_key_secrets"("key_id", "created_at" DESC);
-- The sweeper looks for previous secrets not yet recorded as retired.
CREATE INDEX "api_key_secrets_retired_at_superseded_at_idx" ON "api_key_secrets"("retired_at", "superseded_at");

ALTER TABLE "api_key_secrets" ADD CONSTRAINT "api_key_secrets_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "api_key_secrets" ("id", "key_id", "hash", "hint", "created_at", "first_used_at", "last_used_at", "last_used_ip")
SELECT k."id", k."id", k."hash", k."hint", k."created_at", k."last_used_at", k."last_used_at", k."last_used_ip" FROM "api_keys" k;

-- Keys: expiry, exposure reports, and the creator's name and email kept on the key so that it
-- outlives their account (created_by_id is no longer a foreign key).
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_created_by_id_fkey";
ALTER TABLE "api_keys"
    ADD COLUMN "created_by_name" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "created_by_email" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "expires_at" TIMESTAMPTZ(3),
    ADD COLUMN "exposure_source" TEXT,
    ADD COLUMN "exposure_url" TEXT,
    ADD COLUMN "exposure_reported_at" TIMESTAMPTZ(3);
UPDATE "api_keys" k SET "created_by_name" = u."name", "created_by_email" = u."email" FROM "users" u WHERE u."id" = k."created_by_id";
ALTER TABLE "api_keys" ALTER COLUMN "created_by_name" DROP DEFAULT, ALTER COLUMN "created_by_email" DROP DEFAULT;

DROP INDEX "api_keys_hash_key";
ALTER TABLE "api_keys" DROP COLUMN "hash", DROP COLUMN "hint", DROP COLUMN "last_used_at", DROP COLUMN "last_used_ip";

-- Audit events: who acted when it was not a person or a key (the system, a public report), and
-- the person's name and email kept on the event so it stays readable after their account goes.
ALTER TABLE "audit_events"
    ADD COLUMN "actor_type" TEXT NOT NULL DEFAULT 'user',
    ADD COLUMN "actor_name" TEXT,
    ADD COLUMN "actor_email" TEXT;
UPDATE "audit_events" SET "actor_type" = 'apiKey' WHERE "actor_key_id" IS NOT NULL;
UPDATE "audit_events" e SET "actor_name" = u."name", "actor_email" = u."email" FROM "users" u WHERE u."id" = e."actor_user_id";
ALTER TABLE "audit_events" ALTER COLUMN "actor_type" DROP DEFAULT;
CREATE INDEX "audit_events_workspace_id_target_id_created_at_id_idx" ON "audit_events"("workspace_id", "target_id", "created_at" DESC, "id" DESC);
CREATE INDEX "audit_events_workspace_id_action_created_at_id_idx" ON "audit_events"("workspace_id", "action", "created_at" DESC, "id" DESC);

-- Each person's selected workspace ("current"); null means their oldest membership.
ALTER TABLE "users" ADD COLUMN "selected_workspace_id" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_selected_workspace_id_fkey" FOREIGN KEY ("selected_workspace_id") REFERENCES "workspaces"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Requests per key and hour by outcome, written by each instance's in-memory counter.
CREATE TABLE "api_key_usage" (
    "key_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "ok" INTEGER NOT NULL DEFAULT 0,
    "rate_limited" INTEGER NOT NULL DEFAULT 0,
    "denied" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "api_key_usage_pkey" PRIMARY KEY ("key_id", "hour")
);
CREATE INDEX "api_key_usage_hour_idx" ON "api_key_usage"("hour");
ALTER TABLE "api_key_usage" ADD CONSTRAINT "api_key_usage_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The roll rule, in one place, used by authentication (every request), the key list and the
-- sweeper. A previous secret retires at the EARLIEST of:
--   its deadline (expires_at, set at the roll);
--   once the current secret has served a request (current_first_used_at), the moment it has been
--   idle for idle_seconds, counting from the later of the roll and its own last request;
-- (a second roll retires it at once: that is recorded in retired_at by the roll itself).
-- Returns NULL for a current secret (it does not retire by time).
CREATE FUNCTION "previous_secret_retires_at"(
    superseded_at TIMESTAMPTZ, expires_at TIMESTAMPTZ, last_used_at TIMESTAMPTZ,
    current_first_used_at TIMESTAMPTZ, idle_seconds INTEGER
) RETURNS TIMESTAMPTZ LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN superseded_at IS NULL THEN NULL
        WHEN current_first_used_at IS NULL THEN expires_at
        ELSE least(expires_at, greatest(current_first_used_at, greatest(superseded_at, last_used_at) + make_interval(secs => idle_seconds)))
    END
$$;
