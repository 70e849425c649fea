-- People: 3 per workspace (owner, admin, member) → 300 per copy of the tenant.
-- $1 = first copy, $2 = last copy + 1. Ids are deterministic so later steps can refer to them.
INSERT INTO "users" ("id", "oidc_subject", "email", "name")
SELECT u.id, 'scale-' || u.id, u.id || '@scale.test', 'Person ' || u.id
FROM generate_series($1::int, $2::int - 1) c,
     generate_series(0, 99) w,
     generate_series(0, 2) r,
     LATERAL (SELECT 'su' || c || '_' || w || '_' || r AS id) u
