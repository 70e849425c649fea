// Runs in every test worker: points lib/db at this run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
