-- Networks per key (docs/keys.md, Networks): NULL is any address (every existing key keeps
-- it); otherwise a JSON array of 1-50 CIDR ranges in canonical form (lib/api-keys/networks.ts
-- writes them), checked by the authentication statement with `inet <<= cidr`. network_mode is
-- 'enforce' or 'report' while there is a list, NULL without one.
ALTER TABLE "api_keys" ADD COLUMN "allowed_networks" JSONB;
ALTER TABLE "api_keys" ADD COLUMN "network_mode" TEXT;

-- Requests refused from outside the key's networks in enforce mode (403, `blockedNetwork`), and
-- requests from outside them in report mode (served, `outsideNetwork`; overlaps the others).
ALTER TABLE "api_key_usage" ADD COLUMN "blocked_network" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "api_key_usage" ADD COLUMN "outside_network" INTEGER NOT NULL DEFAULT 0;
