-- Audit events: 100,000 per copy over the past 90 days, half of them in the copy's busiest
-- workspace (50,500 = a little over 1,000 pages of 50, so the 1,000th page exists) and 500 in
-- each of the other 99 → 10,000,000 at 100×.
INSERT INTO "audit_events" ("id", "workspace_id", "actor_type", "actor_user_id", "action", "target_type", "target_id", "ip", "user_agent", "created_at")
SELECT 'sa' || c || '_' || w || '_' || n, 'sw' || c || '_' || w, 'user', 'su' || c || '_' || w || '_' || (n % 2),
       (ARRAY['api_key.created', 'api_key.revoked', 'task.created', 'task.updated'])[n % 4 + 1],
       CASE WHEN n % 4 < 2 THEN 'api_key' ELSE 'task' END,
       CASE WHEN n % 4 < 2 THEN 'sk' || c || '_' || w || '_' || (n % 100) ELSE 'st' || c || '_' || w || '_' || (n % 50) END,
       '203.0.113.' || (n % 250), 'scale-seed',
       now() - make_interval(secs => (n + 1) * 7776000.0 / total.events)
FROM generate_series($1::int, $2::int - 1) c,
     generate_series(0, 99) w,
     LATERAL (SELECT CASE WHEN w = 0 THEN 50500 ELSE 500 END AS events) total,
     generate_series(0, total.events - 1) n
