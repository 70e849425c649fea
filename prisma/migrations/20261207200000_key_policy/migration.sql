-- The workspace's key policy (docs/keys.md, Key policy), kept by every operation that makes or
-- changes a key (lib/api-keys/policy.ts) and read with the workspace's row, which creates lock:
--   api_key_max_lifetime_days    NULL, or 1-366: a key must expire within that many days
--   api_key_default_permissions  NULL (full access), or the permissions a key gets when none are given
--   api_key_require_networks     keys must have allowed networks
--   api_key_revoke_unused_days   NULL, or 7-366: keys unused that long are revoked (warned 7 days before)
ALTER TABLE "workspaces" ADD COLUMN "api_key_max_lifetime_days" INTEGER;
ALTER TABLE "workspaces" ADD COLUMN "api_key_default_permissions" JSONB;
ALTER TABLE "workspaces" ADD COLUMN "api_key_require_networks" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "workspaces" ADD COLUMN "api_key_revoke_unused_days" INTEGER;
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_api_key_max_lifetime_days_check"
  CHECK ("api_key_max_lifetime_days" BETWEEN 1 AND 366);
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_api_key_revoke_unused_days_check"
  CHECK ("api_key_revoke_unused_days" BETWEEN 7 AND 366);

-- When the unused-key policy warned about this key (lib/api-keys/unused.ts): it is revoked 7 days
-- later unless it is used meanwhile.
ALTER TABLE "api_keys" ADD COLUMN "unused_warned_at" TIMESTAMPTZ(3);
