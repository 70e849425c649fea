-- One current secret per key (04_api_keys.sql). The stored hash is a SHA-256 of the key's id:
-- unique and indexed like a real one, but of no valid secret (the keys the bench authenticates
-- with are created through the API). Keys 1 and 2 are in a roll (04c_previous_secrets.sql): their
-- new secrets have not served a request yet.
INSERT INTO "api_key_secrets" ("id", "key_id", "hash", "hint", "created_at", "first_used_at", "last_used_at")
SELECT k.id, k.id, encode(sha256(convert_to(k.id, 'UTF8')), 'hex'), 'one_…' || right(md5(k.id), 4),
       now() - make_interval(days => 365 - n * 3),
       CASE WHEN n < 10 AND n NOT IN (1, 2) THEN now() - make_interval(days => 300) END,
       CASE WHEN n < 10 AND n NOT IN (1, 2) THEN now() - make_interval(mins => n) END
FROM generate_series($1::int, $2::int - 1) c,
     generate_series(0, 99) w,
     generate_series(0, 99) n,
     LATERAL (SELECT 'sk' || c || '_' || w || '_' || n AS id) k
