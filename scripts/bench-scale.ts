// `npm run bench:scale`: how the calls that grow with a tenant's data behave as the data grows.
// Seeds copies of a large tenant (scripts/bench/scale/*.sql, generate_series) at 1×, 10× (and
// 100× with BENCH_SCALES=1,10,100) into a fresh embedded PostgreSQL behind one app instance,
// and at each scale measures p50/p99 of, one request at a time over HTTP:
//   api-key request   GET …/workspaces/current/tasks with an API key (authentication, limit,
//                     the workspace's 40 open tasks), rotating over 10 keys of the measured workspace
//   key list          GET …/workspaces/{ws}/api-keys as the owner (OAuth)
//   key usage 30d     GET …/api-keys/{id}/usage?range=30d of a key with 90 days of hourly rows
//   audit page 1      GET …/audit-events?limit=50
//   audit page 1000   the same with the cursor of page 1,000
// with, per call, statements and PostgreSQL execution time per request (pg_stat_statements),
// the generic plans of its costliest statements, and the plans actually run for statements
// over 5 ms (auto_explain), written to bench/results/scale-<date>.json. Calls are sampled in
// interleaved slices so that a shared machine's drift hits all of them alike.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import type pg from "pg";
import { fetchAccessToken } from "./dev-oidc/token-flow";
import { auditLogPath, cursorOfPage } from "./bench/scale/audit";
import { seedCopies, tableSizes } from "./bench/scale/seed";
import { keyUsagePath } from "./bench/scale/usage";
import { AUDIENCE, startStack } from "./bench/stack";
import { resetStatements, topStatements } from "./bench/statements";
import { median, msSince, percentile, round } from "./bench/stats";
import { ensureBuild } from "./next-build";

const SCALES = (process.env.BENCH_SCALES ?? "1,10").split(",").map(Number);
const SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 1000);
const ROUNDS = 5; // each call's samples are taken in 5 slices, interleaved with the other calls
const WARM_UP = 30;
const SLOW_MS = 5; // auto_explain logs the plan actually run for statements slower than this
const MEASURED_WORKSPACE = "sw0_0"; // copy 0's busiest workspace (scripts/bench/scale/*.sql)
const MEASURED_KEYS = 10;

type Call = { name: string; request: (i: number) => { path: string; token: string } };
type Measured = {
  name: string;
  p50?: number;
  p99?: number;
  statementsPerRequest?: number;
  dbMsPerRequest?: number;
  /** The costliest statements, with their generic plan (the plan's shape for any parameters). */
  statements?: Array<{ query: string; calls: number; meanMs: number; genericPlan: string }>;
  /** Plans actually run for statements slower than SLOW_MS (auto_explain), at most 3. */
  slowPlans?: string[];
};

const UTILITY = /^\s*(BEGIN|COMMIT|ROLLBACK|SET|RESET|DEALLOCATE|SHOW|SAVEPOINT|RELEASE)\b/i;

async function genericPlan(client: pg.Client, query: string): Promise<string> {
  try {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (GENERIC_PLAN) ${query}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } catch (error) {
    return `(no plan: ${(error as Error).message})`;
  }
}

/** PostgreSQL's log since the last take(), for auto_explain's entries. */
const postgresLog = {
  text: "",
  append(chunk: string) {
    if (this.text.length < 1_000_000) this.text += chunk;
  },
  take(): string[] {
    // Each entry starts on a line with the default log_line_prefix: "2026-11-25 00:06:05.519 UTC [123] ".
    const entries = this.text
      .split(/^(?=\d{4}-\d\d-\d\d [\d:.]+ \S+ \[\d+\] )/m)
      .filter((e) => /LOG:\s+duration: [\d.]+ ms\s+plan:/.test(e));
    this.text = "";
    return entries.map((e) => e.trim());
  },
};

type Accumulator = { times: number[]; statements: Map<string, { calls: number; totalMs: number }>; slowPlans: string[] };

async function sample(
  client: pg.Client,
  api: string,
  call: Extract<Call, { request: unknown }>,
  from: number,
  count: number,
  into: Accumulator | null,
) {
  if (into) {
    await resetStatements(client);
    postgresLog.take();
  }
  for (let i = from; i < from + count; i++) {
    const { path, token } = call.request(i);
    const start = process.hrtime.bigint();
    const response = await fetch(`${api}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    const body = await response.text();
    const ms = msSince(start);
    if (response.status !== 200) throw new Error(`${call.name}: ${response.status} ${body.slice(0, 200)}`);
    into?.times.push(ms);
  }
  if (!into) return;
  for (const s of await topStatements(client, 100)) {
    const seen = into.statements.get(s.query) ?? { calls: 0, totalMs: 0 };
    into.statements.set(s.query, { calls: seen.calls + s.calls, totalMs: seen.totalMs + s.totalMs });
  }
  for (const plan of postgresLog.take()) if (into.slowPlans.length < 3) into.slowPlans.push(plan.slice(0, 4000));
}

async function measureAll(client: pg.Client, api: string, calls: Call[]): Promise<Measured[]> {
  const acc = new Map(calls.map((c) => [c.name, { times: [], statements: new Map(), slowPlans: [] } as Accumulator]));
  for (const call of calls) await sample(client, api, call, 0, WARM_UP, null);
  const slice = Math.ceil(SAMPLES / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const call of calls) await sample(client, api, call, round * slice, slice, acc.get(call.name)!);
  }
  const measured: Measured[] = [];
  for (const call of calls) {
    const { times, statements, slowPlans } = acc.get(call.name)!;
    const all = [...statements.entries()].map(([query, s]) => ({ query, ...s }));
    const costly = all
      .filter((s) => !UTILITY.test(s.query))
      .sort((x, y) => y.totalMs - x.totalMs)
      .slice(0, 3);
    const withPlans = [];
    for (const s of costly)
      withPlans.push({
        query: s.query,
        calls: s.calls,
        meanMs: round(s.totalMs / s.calls, 3),
        genericPlan: await genericPlan(client, s.query),
      });
    measured.push({
      name: call.name,
      p50: round(median(times)),
      p99: round(percentile(times, 99)),
      statementsPerRequest: round(all.reduce((sum, s) => sum + s.calls, 0) / times.length),
      dbMsPerRequest: round(all.reduce((sum, s) => sum + s.totalMs, 0) / times.length, 3),
      statements: withPlans,
      slowPlans,
    });
  }
  return measured;
}

async function main() {
  const started = Date.now();
  ensureBuild();
  const stack = await startStack(1, {
    postgresSettings: {
      shared_preload_libraries: "pg_stat_statements,auto_explain",
      "auto_explain.log_min_duration": `${SLOW_MS}ms`,
      max_wal_size: "8GB",
      checkpoint_timeout: "30min",
    },
    onPostgresLog: (chunk) => postgresLog.append(chunk),
  });
  const [base] = stack.urls as [string];
  const api = `${base}/api/v1`;
  const results: Array<{ scale: number; seedSeconds: Record<string, number>; tables: Record<string, number>; calls: Measured[] }> = [];
  try {
    let copies = 0;
    let secrets: string[] = [];
    let owner = "";
    let page1000 = "";
    for (const scale of SCALES) {
      console.log(`\nSeeding ${scale}× (copies ${copies}–${scale - 1})…`);
      const seedSeconds = await seedCopies(stack.admin, copies, scale);
      copies = scale;
      const tables = await tableSizes(stack.admin);
      console.log(
        `  tables: ${Object.entries(tables)
          .map(([t, n]) => `${t} ${n.toLocaleString("en")}`)
          .join(", ")}`,
      );

      if (!owner) {
        // The measured workspace: the demo owner joins it and creates its keys through the API,
        // so the secrets are stored exactly as the app stores them, whatever the schema.
        await stack.admin.query(
          `INSERT INTO "memberships" ("id", "workspace_id", "user_id", "role")
           SELECT 'sm-bench-owner', $1, "id", 'OWNER' FROM "users" WHERE "email" = 'owner@example.com'`,
          [MEASURED_WORKSPACE],
        );
        owner = await fetchAccessToken({ issuer: stack.issuer, email: "owner@example.com", password: "password", audience: AUDIENCE });
        for (let i = 0; i < MEASURED_KEYS; i++) {
          const response = await fetch(`${api}/workspaces/${MEASURED_WORKSPACE}/api-keys`, {
            method: "POST",
            headers: { Authorization: `Bearer ${owner}`, "Content-Type": "application/json" },
            body: JSON.stringify({ description: `scale-bench-${i}` }),
          });
          if (response.status !== 201) throw new Error(`creating a key: ${response.status} ${await response.text()}`);
          secrets.push(((await response.json()) as { secret: string }).secret);
        }
        page1000 = await cursorOfPage(api, owner, MEASURED_WORKSPACE, 1000);
      }
      const calls: Call[] = [
        { name: "api-key request", request: (i) => ({ path: "/workspaces/current/tasks", token: secrets[i % secrets.length]! }) },
        { name: "key list", request: () => ({ path: `/workspaces/${MEASURED_WORKSPACE}/api-keys`, token: owner }) },
        { name: "key usage 30d", request: () => ({ path: keyUsagePath(MEASURED_WORKSPACE), token: owner }) },
        { name: "audit page 1", request: () => ({ path: auditLogPath(MEASURED_WORKSPACE), token: owner }) },
        { name: "audit page 1000", request: () => ({ path: auditLogPath(MEASURED_WORKSPACE, page1000), token: owner }) },
      ];
      const measured = await measureAll(stack.admin, api, calls);
      for (const m of measured) {
        console.log(
          `  ${m.name.padEnd(16)} p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.statementsPerRequest} statements and ${m.dbMsPerRequest} ms in PostgreSQL per request`,
        );
      }
      results.push({ scale, seedSeconds, tables, calls: measured });
    }
    secrets = [];

    const first = results[0]!;
    console.log(`\ncall              scale   p50 ms   p99 ms   p99 / ${first.scale}×   stmts/req   PG exec ms/req`);
    for (const call of first.calls) {
      for (const r of results) {
        const m = r.calls.find((c) => c.name === call.name)!;
        const ref = first.calls.find((c) => c.name === call.name)!;
        console.log(
          `${call.name.padEnd(16)} ${String(r.scale).padStart(6)}× ${String(m.p50).padStart(8)} ${String(m.p99).padStart(8)} ${String(round(m.p99! / ref.p99!)).padStart(10)} ${String(m.statementsPerRequest).padStart(11)} ${String(m.dbMsPerRequest).padStart(16)}`,
        );
      }
    }
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      settings: { scales: SCALES, samples: SAMPLES, measuredWorkspace: MEASURED_WORKSPACE },
      results,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/scale-${report.date.replace(/[:.]/g, "-")}.json`;
    writeFileSync(file, JSON.stringify(report, null, 2));
    console.log(`\nWritten to ${file}, with the generic plans of each call's costliest statements (${report.durationSeconds} s).`);
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
