-- Rolls: in every workspace, keys 1 and 2 were rolled an hour ago, their traffic is still on the
-- previous secrets (used minutes ago) and those work for another 23 hours; key 3 was rolled 30
-- days ago and its previous secret is retired → 200 live and 100 retired previous secrets per copy (20,000 live at 100×), so that the key list,
-- authentication and the sweeper meet them at every scale.
INSERT INTO "api_key_secrets" ("id", "key_id", "hash", "hint", "created_at", "superseded_at", "expires_at", "retired_at", "retired_reason", "last_used_at")
SELECT k.id || '_prev', k.id, encode(sha256(convert_to(k.id || '_prev', 'UTF8')), 'hex'), 'one_…' || right(md5(k.id || '_prev'), 4),
       now() - make_interval(days => 400),
       CASE WHEN n = 3 THEN now() - make_interval(days => 30) ELSE now() - make_interval(hours => 1) END,
       CASE WHEN n = 3 THEN now() - make_interval(days => 29) ELSE now() + make_interval(hours => 23) END,
       CASE WHEN n = 3 THEN now() - make_interval(days => 29) END,
       CASE WHEN n = 3 THEN 'deadline' END,
       CASE WHEN n = 3 THEN now() - make_interval(days => 30) ELSE now() - make_interval(mins => n) END
FROM generate_series($1::int, $2::int - 1) c,
     generate_series(0, 99) w,
     generate_series(1, 3) n,
     LATERAL (SELECT 'sk' || c || '_' || w || '_' || n AS id) k
