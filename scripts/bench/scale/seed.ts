// Seeds copies of a large tenant with generate_series, one SQL file per table (this folder,
// run in name order). A "copy" is one large tenant: 100 workspaces, 300 people, 10,000 keys
// (200 of them in a roll), 100,000 audit events, 5,000 tasks and 216,000 hourly usage rows; scale N× is N copies.
// Copies are added incrementally ($1 = first copy, $2 = last copy + 1), so going from 1× to
// 10× seeds copies 1–9 on top of copy 0. To follow a schema change, edit or add a file here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";

const DIR = path.resolve(import.meta.dirname);

/** Seeds copies [from, to) and returns seconds per file. */
export async function seedCopies(client: pg.Client, from: number, to: number): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  await client.query("SET synchronous_commit = off");
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    const started = Date.now();
    const result = await client.query(readFileSync(path.join(DIR, file), "utf8"), [from, to]);
    seconds[file] = (Date.now() - started) / 1000;
    console.log(`  ${file}: ${result.rowCount?.toLocaleString("en")} rows in ${seconds[file]!.toFixed(1)} s`);
  }
  const started = Date.now();
  await client.query("VACUUM (ANALYZE)");
  seconds.vacuumAnalyze = (Date.now() - started) / 1000;
  await client.query("RESET synchronous_commit");
  return seconds;
}

/** Approximate row counts (from the statistics VACUUM ANALYZE just refreshed). */
export async function tableSizes(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ relname: string; rows: number }>(
    `SELECT relname, reltuples::float8 AS rows FROM pg_class
     WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname IN
       ('users', 'workspaces', 'memberships', 'api_keys', 'api_key_secrets', 'audit_events', 'tasks', 'api_key_usage')
     ORDER BY relname`,
  );
  return Object.fromEntries(rows.map((r) => [r.relname, Math.max(0, Math.round(r.rows))]));
}
