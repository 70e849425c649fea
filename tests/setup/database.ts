// Vitest global setup: a fresh embedded PostgreSQL for this run only (a temporary folder and
// a free port, never the developer's .data/), with the migrations applied to database "test".
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../lib/db/migrate";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import { freePort } from "../../scripts/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "one-test-pg-"));
  await chmod(dir, 0o755); // PostgreSQL runs as its own system user and must reach the folder
  const database = await startEmbeddedPostgres({
    dir: path.join(dir, "data"),
    port: await freePort(),
    password: "test",
    database: "test",
  });
  await migrate(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
