-- Rate-limit counters and failed-lookup counts are written on every API-key request (and
-- every failed lookup). UNLOGGED tables skip the write-ahead log, so those commits do not
-- wait for a disk flush. The cost: after a PostgreSQL crash (not a clean restart) these
-- tables are empty, so budgets start afresh; they are also not copied to replicas.
ALTER TABLE "rate_limit_states" SET UNLOGGED;

ALTER TABLE "failed_auth_attempts" SET UNLOGGED;
