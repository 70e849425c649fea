// Extra empty databases on this run's server, for tests that need a blank slate.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export async function createEmptyDatabase(): Promise<string> {
  const url = new URL(inject("databaseUrl"));
  const name = `blank_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}
