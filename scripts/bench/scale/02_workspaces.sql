-- Workspaces: 100 per copy of the tenant. Limits are raised so that the measurement never
-- meets a 429 (the limiter still runs on every API-key request).
INSERT INTO "workspaces" ("id", "name", "slug", "rate_limit_burst", "rate_limit_quota")
SELECT 'sw' || c || '_' || w, 'Scale ' || c || '/' || w, 'scale-' || c || '-' || w, 1000000000, 1000000000
FROM generate_series($1::int, $2::int - 1) c,
     generate_series(0, 99) w
