-- Usage: 90 days of hourly rows for each copy's 100 busiest keys (keys 0–9 of workspaces 0–9)
-- → 216,000 rows per copy, 21,600,000 at 100×.
INSERT INTO "api_key_usage" ("key_id", "hour", "ok", "rate_limited", "denied")
SELECT 'sk' || c || '_' || w || '_' || k,
       date_trunc('hour', now()) - make_interval(hours => h),
       100 + (h * 7 + k * 13) % 900, (h + k) % 17 / 16 * 5, (h * 3 + k) % 29 / 28
FROM generate_series($1::int, $2::int - 1) c,
     generate_series(0, 9) w,
     generate_series(0, 9) k,
     generate_series(0, 90 * 24 - 1) h
