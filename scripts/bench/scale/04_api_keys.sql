-- API keys: 100 per workspace (10 active, 90 revoked over the past year) → 10,000 per copy,
-- 1,000,000 at 100×. The stored hash is a SHA-256 of the key's id: unique and indexed like a
-- real one, but of no valid secret (the keys the bench authenticates with are created through
-- the API). Keys 0–9 of workspaces 0–9 are each copy's 100 busiest (05_api_key_usage.sql).
-- SCHEMA CHANGE: when secrets move to "api_key_secrets", drop "hash"/"hint"/"last_used_*"
-- here and add 04b_api_key_secrets.sql with one row per key (same hash expression).
INSERT INTO "api_keys" ("id", "workspace_id", "description", "hash", "hint", "created_by_id", "created_at", "last_used_at", "revoked_at", "revoked_by_id")
SELECT k.id, 'sw' || c || '_' || w, 'service-' || n, encode(sha256(convert_to(k.id, 'UTF8')), 'hex'), 'one_…' || right(md5(k.id), 4),
       'su' || c || '_' || w || '_0',
       now() - make_interval(days => 365 - n * 3),
       CASE WHEN n < 10 THEN now() - make_interval(mins => n) END,
       CASE WHEN n >= 10 THEN now() - make_interval(days => 300 - n * 3) END,
       CASE WHEN n >= 10 THEN 'su' || c || '_' || w || '_0' END
FROM generate_series($1::int, $2::int - 1) c,
     generate_series(0, 99) w,
     generate_series(0, 99) n,
     LATERAL (SELECT 'sk' || c || '_' || w || '_' || n AS id) k
