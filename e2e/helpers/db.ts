// Direct access to the e2e run's database, to set up state a test needs (like 20 keys)
// and to check what was stored. The password comes from the run's own data folder.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { E2E_DATA_DIR, E2E_PG_PORT } from "../env";
import { insertKey } from "./keys";

function databaseUrl(): string {
  const { pgPassword } = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "secrets.json"), "utf8"));
  return `postgresql://postgres:${encodeURIComponent(pgPassword)}@127.0.0.1:${E2E_PG_PORT}/one`;
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Adds an active key to Acme as if the owner had created it; returns its id and secret. */
export async function insertAcmeKey(description: string): Promise<{ id: string; secret: string }> {
  return insertKey(sql, await workspaceId("acme"), description);
}

export async function workspaceId(slug: string): Promise<string> {
  const [row] = await sql<{ id: string }>("SELECT id FROM workspaces WHERE slug = $1", [slug]);
  return row!.id;
}

/** Revokes every active key of Acme, so a test starts from an empty list. */
export async function revokeAllAcmeKeys() {
  await sql(
    `UPDATE api_keys SET revoked_at = now() WHERE revoked_at IS NULL AND workspace_id = (SELECT id FROM workspaces WHERE slug = 'acme')`,
  );
}

/** Gives Acme a fresh rate-limit budget, so a spec that used some does not leave the next one short. */
export async function resetAcmeRateLimit() {
  await sql(`DELETE FROM rate_limit_states WHERE workspace_id = (SELECT id FROM workspaces WHERE slug = 'acme')`);
}

/** The id of the demo workspace Acme. */
export async function acmeWorkspaceId(): Promise<string> {
  const [row] = await sql<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'acme'");
  return row!.id;
}

/** The e2e run's PostgreSQL processes (the postmaster and its children), to SIGSTOP and SIGCONT. */
export function databaseProcesses(): number[] {
  const postmaster = Number(readFileSync(path.join(E2E_DATA_DIR, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(postmaster)], { encoding: "utf8" })
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
  return [postmaster, ...children];
}
