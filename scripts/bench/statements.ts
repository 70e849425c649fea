// Statements PostgreSQL executed, from pg_stat_statements (loaded by the bench's stack): reset
// before a load run, summed after it. Utility statements (BEGIN, COMMIT, SET…) count too; the
// bench's own queries of pg_stat_statements and pg_stat_activity do not.
import type pg from "pg";

export async function resetStatements(client: pg.Client) {
  await client.query("SELECT pg_stat_statements_reset()");
}

export async function countStatements(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ calls: string | null }>(
    `SELECT sum(calls) AS calls FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE '%pg_stat_activity%'`,
  );
  return Number(rows[0]?.calls ?? 0);
}

/** The statements of the last run, most called first (for the report and for reading plans). */
export async function topStatements(client: pg.Client, limit = 10) {
  const { rows } = await client.query<{ query: string; calls: string; mean_ms: number; total_ms: number; rows: string }>(
    `SELECT query, calls, mean_exec_time AS mean_ms, total_exec_time AS total_ms, rows FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE '%pg_stat_activity%'
     ORDER BY calls DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    query: r.query,
    calls: Number(r.calls),
    meanMs: +r.mean_ms.toFixed(3),
    totalMs: +r.total_ms.toFixed(1),
    rows: Number(r.rows),
  }));
}
