-- Memberships: the 3 people of each workspace, as OWNER, ADMIN and MEMBER.
INSERT INTO "memberships" ("id", "workspace_id", "user_id", "role")
SELECT 'sm' || c || '_' || w || '_' || r, 'sw' || c || '_' || w, 'su' || c || '_' || w || '_' || r,
       (ARRAY['OWNER', 'ADMIN', 'MEMBER'])[r + 1]::"Role"
FROM generate_series($1::int, $2::int - 1) c,
     generate_series(0, 99) w,
     generate_series(0, 2) r
