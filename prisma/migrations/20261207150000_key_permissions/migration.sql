-- Permissions per key (docs/keys.md, Permissions): NULL is full access, which every existing
-- key keeps; otherwise a JSON array of catalogue ids, one per resource at its highest level
-- (lib/api-keys/permissions.ts normalises them before they are written). Authentication tests
-- it with `?|` against the ids that grant what the route needs, in its one statement.
ALTER TABLE "api_keys" ADD COLUMN "permissions" JSONB;

-- Requests refused because the key lacked the permission the route needs (403, `forbidden`).
ALTER TABLE "api_key_usage" ADD COLUMN "forbidden" INTEGER NOT NULL DEFAULT 0;

-- Served (`ok`) requests per key, hour and the permission they needed; requests that needed
-- none (GET /workspaces, GET /me) are not here. Written with api_key_usage by the same flush.
CREATE TABLE "api_key_permission_usage" (
    "key_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "permission" TEXT NOT NULL,
    "ok" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "api_key_permission_usage_pkey" PRIMARY KEY ("key_id", "hour", "permission")
);
CREATE INDEX "api_key_permission_usage_hour_idx" ON "api_key_permission_usage"("hour");
ALTER TABLE "api_key_permission_usage" ADD CONSTRAINT "api_key_permission_usage_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;
