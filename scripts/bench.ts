// `npm run bench`: what authentication and the rate limit cost per request, measured side by
// side in one run, and how fast a revocation reaches another instance. Prints a table and
// writes it as JSON under bench/results/. A script, not a test: it reports, it does not judge.
//
// Scenarios, each at 1, 16 and 64 connections (autocannon in its own process, on loopback),
// in alternating order over several rounds so that drift of a shared machine hits all alike:
//   baseline  GET /api/baseline?bytes=N: no auth, no database, same payload size as api-key
//   api-key   GET /api/v1/workspaces/current/tasks with an API key (limits raised for the run)
//   oauth     the same with an owner's OAuth access token
import { mkdirSync, writeFileSync } from "node:fs";
import { fetchAccessToken } from "./dev-oidc/token-flow";
import { runLoad, type LoadResult } from "./bench/load";
import { ensureBuild } from "./next-build";
import { AUDIENCE, startStack } from "./bench/stack";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = [1, 16, 64];
const SCENARIOS = ["baseline", "api-key", "oauth"] as const;
type Scenario = (typeof SCENARIOS)[number];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function main() {
  const started = Date.now();
  ensureBuild();
  const stack = await startStack(2);
  const [a, b] = stack.urls as [string, string];
  try {
    await stack.db().workspace.update({ where: { slug: "acme" }, data: { rateLimitBurst: 1_000_000_000, rateLimitQuota: 1_000_000_000 } });
    const owner = await fetchAccessToken({ issuer: stack.issuer, email: "owner@example.com", password: "password", audience: AUDIENCE });
    const json = { Authorization: `Bearer ${owner}`, "Content-Type": "application/json" };
    const createKey = async (url: string, description: string) => {
      const response = await fetch(`${url}/api/v1/workspaces/current/api-keys`, { method: "POST", headers: json, body: JSON.stringify({ description }) });
      if (response.status !== 201) throw new Error(`creating a key: ${response.status}`);
      return (await response.json()) as { id: string; secret: string };
    };
    const revokeKey = (url: string, id: string) => fetch(`${url}/api/v1/workspaces/current/api-keys/${id}`, { method: "DELETE", headers: json });

    const key = await createKey(a, "bench");
    const tasksUrl = `${a}/api/v1/workspaces/current/tasks`;
    const payload = await (await fetch(tasksUrl, { headers: { Authorization: `Bearer ${key.secret}` } })).text();
    const targets: Record<Scenario, { url: string; headers: Record<string, string> }> = {
      baseline: { url: `${a}/api/baseline?bytes=${Buffer.byteLength(payload)}`, headers: {} },
      "api-key": { url: tasksUrl, headers: { Authorization: `Bearer ${key.secret}` } },
      oauth: { url: tasksUrl, headers: { Authorization: `Bearer ${owner}` } },
    };
    const baselineBytes = Buffer.byteLength(await (await fetch(targets.baseline.url)).text());
    console.log(`Payload: ${Buffer.byteLength(payload)} bytes (api-key), ${baselineBytes} bytes (baseline). ${ROUNDS} rounds × ${SECONDS} s per cell.`);

    for (const scenario of SCENARIOS) await runLoad(targets[scenario].url, 16, 2, targets[scenario].headers); // warm-up
    const runs: Record<string, LoadResult[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of CONNECTIONS) {
        const order = SCENARIOS.map((_, i) => SCENARIOS[(i + round) % SCENARIOS.length]!);
        for (const scenario of order) {
          const result = await runLoad(targets[scenario].url, connections, SECONDS, targets[scenario].headers);
          (runs[`${scenario}@${connections}`] ??= []).push(result);
          process.stdout.write(".");
        }
      }
    }
    process.stdout.write("\n");

    const load = SCENARIOS.flatMap((scenario) =>
      CONNECTIONS.map((connections) => {
        const results = runs[`${scenario}@${connections}`]!;
        return {
          scenario,
          connections,
          rps: Math.round(median(results.map((r) => r.rps))),
          p50: median(results.map((r) => r.p50)),
          p99: median(results.map((r) => r.p99)),
          failed: results.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
        };
      }),
    );
    const cell = (scenario: Scenario, connections: number) => load.find((l) => l.scenario === scenario && l.connections === connections)!;
    const ratios = CONNECTIONS.map((connections) => ({
      connections,
      apiKeyThroughput: +(cell("api-key", connections).rps / cell("baseline", connections).rps).toFixed(2),
      oauthThroughput: +(cell("oauth", connections).rps / cell("baseline", connections).rps).toFixed(2),
      apiKeyP99: +(cell("api-key", connections).p99 / Math.max(cell("baseline", connections).p99, 1)).toFixed(2),
    }));

    const creation: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = process.hrtime.bigint();
      const created = await createKey(a, `bench-create-${i}`);
      creation.push(ms(start));
      await revokeKey(a, created.id);
    }

    const spread: number[] = [];
    for (let i = 0; i < 20; i++) {
      const victim = await createKey(a, `bench-revoke-${i}`);
      const headers = { Authorization: `Bearer ${victim.secret}` };
      if ((await fetch(`${b}/api/v1/workspaces/current/tasks`, { headers })).status !== 200) throw new Error("the key does not work on instance B");
      if ((await revokeKey(a, victim.id)).status !== 200) throw new Error("revoke failed");
      const revokedAt = process.hrtime.bigint();
      let attempts = 0;
      while ((await fetch(`${b}/api/v1/workspaces/current/tasks`, { headers })).status !== 401) attempts++;
      spread.push(ms(revokedAt));
      if (attempts > 0) console.log(`revocation ${i}: ${attempts} request(s) still passed on instance B`);
    }

    const report = {
      date: new Date().toISOString(),
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
      settings: { rounds: ROUNDS, secondsPerCell: SECONDS, payloadBytes: Buffer.byteLength(payload) },
      load,
      ratios,
      keyCreationMs: { n: creation.length, median: +median(creation).toFixed(1), p99: +percentile(creation, 99).toFixed(1) },
      revocationSpreadMs: { n: spread.length, median: +median(spread).toFixed(1), max: +Math.max(...spread).toFixed(1) },
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };

    console.log("\nscenario   conns   req/s   p50 ms   p99 ms   failed");
    for (const l of load) {
      console.log(`${l.scenario.padEnd(10)} ${String(l.connections).padStart(5)} ${String(l.rps).padStart(7)} ${String(l.p50).padStart(8)} ${String(l.p99).padStart(8)} ${String(l.failed).padStart(8)}`);
    }
    console.log("\nconns   api-key/baseline   oauth/baseline   p99 api-key/baseline");
    for (const r of ratios) console.log(`${String(r.connections).padStart(5)} ${String(r.apiKeyThroughput).padStart(18)} ${String(r.oauthThroughput).padStart(16)} ${String(r.apiKeyP99).padStart(22)}`);
    console.log(`\nkey creation over REST: median ${report.keyCreationMs.median} ms, p99 ${report.keyCreationMs.p99} ms (n=${creation.length})`);
    console.log(`revocation spread, A's revoke response → first 401 on B: median ${report.revocationSpreadMs.median} ms, max ${report.revocationSpreadMs.max} ms (n=${spread.length})`);

    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/${report.date.replace(/[:.]/g, "-")}.json`;
    writeFileSync(file, JSON.stringify(report, null, 2));
    console.log(`\nWritten to ${file} (${report.durationSeconds} s).`);
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
