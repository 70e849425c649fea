// Runs in every test worker: points lib/db at this run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// The server secret every instance has (the launcher sets it): webhook signing secrets are encrypted with a key derived from it.
process.env.AUTH_SECRET ??= "vitest-server-secret";
