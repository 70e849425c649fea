-- Tasks: 50 per workspace, one in five done → 5,000 per copy.
INSERT INTO "tasks" ("id", "workspace_id", "title", "done", "created_by_user_id", "created_at", "updated_at")
SELECT 'st' || c || '_' || w || '_' || n, 'sw' || c || '_' || w, 'Task ' || n || ' of workspace ' || w, n % 5 = 0,
       'su' || c || '_' || w || '_' || (n % 3),
       now() - make_interval(hours => n), now() - make_interval(hours => n)
FROM generate_series($1::int, $2::int - 1) c,
     generate_series(0, 99) w,
     generate_series(0, 49) n
