-- API keys: 100 per workspace (10 active, 90 revoked over the past year) → 10,000 per copy,
-- 1,000,000 at 100×. Their secrets are in 04b_api_key_secrets.sql. Keys 0–9 of workspaces 0–9
-- are each copy's 100 busiest (07_api_key_usage.sql).
INSERT INTO "api_keys" ("id", "workspace_id", "description", "created_by_id", "created_by_name", "created_by_email", "created_at", "revoked_at", "revoked_by_id")
SELECT k.id, 'sw' || c || '_' || w, 'service-' || n,
       'su' || c || '_' || w || '_0', 'Seed user', 'seed@example.com',
       now() - make_interval(days => 365 - n * 3),
       CASE WHEN n >= 10 THEN now() - make_interval(days => 300 - n * 3) END,
       CASE WHEN n >= 10 THEN 'su' || c || '_' || w || '_0' END
FROM generate_series($1::int, $2::int - 1) c,
     generate_series(0, 99) w,
     generate_series(0, 99) n,
     LATERAL (SELECT 'sk' || c || '_' || w || '_' || n AS id) k
