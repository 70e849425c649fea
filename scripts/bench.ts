// `npm run bench`: what authentication and the rate limit cost per request, measured side by
// side in one run against floors and a real peer, and how fast a revocation reaches another
// instance. Prints tables and writes them as JSON under bench/results/. A script, not a test:
// it reports, it does not judge.
//
// Scenarios, each at 1, 16 and 64 connections (autocannon in its own process, on loopback),
// in alternating order over several rounds so that drift of a shared machine hits all alike:
//   health   GET /api/health: liveness, no database — the floor of a Next.js route
//   ready    GET /api/health/ready: one database round trip (SELECT 1) — the floor with a database
//   twin     GET /open/workspaces/current/tasks on the bench's peer app (bench/peer): our
//            task-list operation with no authentication at all — what our request would cost
//            if authentication were free
//   api-key  GET /api/v1/workspaces/current/tasks with one of our API keys (limits raised for
//            the run, so the limiter counts every request but never refuses)
//   peer     GET /peer/workspaces/current/tasks on the peer app: the same list behind
//            better-auth's API-key plugin (keys hashed, its per-key rate limit on and raised)
//   oauth    our tasks endpoint with an owner's OAuth access token
// twin, api-key, peer and oauth return byte-identical bodies (checked before measuring). For
// every cell: statements PostgreSQL ran (pg_stat_statements), CPU time of the server that
// answered and of PostgreSQL (/proc), each per request, and how often PostgreSQL's busy
// backends were waiting for a lock (pg_stat_activity, sampled).
// Medians over the rounds, with each cell's slowest and fastest round and the per-round ratios
// of ours to the twin and the peer. Then two instances under load at once with one key (the same
// limiter row): throughput, and whether a quota lets exactly its number of requests through.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fetchAccessToken } from "./dev-oidc/token-flow";
import { postmasterPid, treeCpuMs } from "./bench/cpu";
import { runLoad } from "./bench/load";
import { ensurePeerBuild, startPeer } from "./bench/peer";
import { AUDIENCE, startStack } from "./bench/stack";
import { countStatements, resetStatements, topStatements } from "./bench/statements";
import { median, msSince, percentile, round } from "./bench/stats";
import { sampleWaits } from "./bench/waits";
import { ensureBuild } from "./next-build";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ALL_SCENARIOS = ["health", "ready", "twin", "api-key", "peer", "oauth"] as const;
type Scenario = (typeof ALL_SCENARIOS)[number];
// BENCH_KEY_NETWORKS="127.0.0.0/8,::1/128": the api-key scenario's key has that allowed list
// (enforce mode; it must contain loopback), to measure the networks check on a key that has one.
const KEY_NETWORKS = process.env.BENCH_KEY_NETWORKS?.split(",").map((entry) => entry.trim());
// A subset for a quick comparison while working (BENCH_SCENARIOS=twin,api-key BENCH_CONNECTIONS=16);
// ratios are printed only where both of their scenarios ran.
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? "1,16,64").split(",").map(Number);
const SCENARIOS = (process.env.BENCH_SCENARIOS?.split(",") ?? ALL_SCENARIOS).map((s) => {
  if (!(ALL_SCENARIOS as readonly string[]).includes(s)) throw new Error(`BENCH_SCENARIOS: unknown scenario ${s}`);
  return s as Scenario;
});
type Cell = {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  statementsPerRequest: number;
  appCpuMsPerRequest: number;
  pgCpuMsPerRequest: number;
  lockWaitShare: number;
};
type StatementTiming = Awaited<ReturnType<typeof topStatements>>[number];

async function main() {
  const started = Date.now();
  ensureBuild();
  ensurePeerBuild();
  const stack = await startStack(2);
  const [a, b] = stack.urls as [string, string];
  const [pidA] = stack.appPids as [number];
  try {
    const acme = await stack
      .db()
      .workspace.update({ where: { slug: "acme" }, data: { rateLimitBurst: 1_000_000_000, rateLimitQuota: 1_000_000_000 } });
    const owner = await fetchAccessToken({ issuer: stack.issuer, email: "owner@example.com", password: "password", audience: AUDIENCE });
    const json = { Authorization: `Bearer ${owner}`, "Content-Type": "application/json" };
    const createKey = async (url: string, description: string, allowedNetworks?: string[]) => {
      const response = await fetch(`${url}/api/v1/workspaces/current/api-keys`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ description, allowedNetworks }),
      });
      if (response.status !== 201) throw new Error(`creating a key: ${response.status}`);
      return (await response.json()) as { id: string; secret: string };
    };
    const revokeKey = (url: string, id: string) =>
      fetch(`${url}/api/v1/workspaces/current/api-keys/${id}`, { method: "DELETE", headers: json });

    const key = await createKey(a, "bench", KEY_NETWORKS);
    if (KEY_NETWORKS) console.log(`The api-key scenario's key is allowed from ${KEY_NETWORKS.join(", ")} only (enforce).`);
    const peer = await startPeer(stack, acme.id);
    const tasksUrl = `${a}/api/v1/workspaces/current/tasks`;
    const targets: Record<Scenario, { url: string; headers: Record<string, string>; server: number }> = {
      health: { url: `${a}/api/health`, headers: {}, server: pidA },
      ready: { url: `${a}/api/health/ready`, headers: {}, server: pidA },
      twin: { url: `${peer.url}/open/workspaces/current/tasks`, headers: {}, server: peer.pid },
      "api-key": { url: tasksUrl, headers: { Authorization: `Bearer ${key.secret}` }, server: pidA },
      peer: { url: `${peer.url}/peer/workspaces/current/tasks`, headers: { Authorization: `Bearer ${peer.key}` }, server: peer.pid },
      oauth: { url: tasksUrl, headers: { Authorization: `Bearer ${owner}` }, server: pidA },
    };
    const bodies = Object.fromEntries(
      await Promise.all(
        ALL_SCENARIOS.map(async (s) => [s, await (await fetch(targets[s].url, { headers: targets[s].headers })).text()] as const),
      ),
    ) as Record<Scenario, string>;
    for (const s of ["twin", "peer", "oauth"] as const) {
      if (bodies[s] !== bodies["api-key"])
        throw new Error(`${s} does not return the same body as api-key:\n${bodies[s].slice(0, 300)}\n${bodies["api-key"].slice(0, 300)}`);
    }
    const payloadBytes = Buffer.byteLength(bodies["api-key"]);
    console.log(
      `Payload: ${payloadBytes} bytes (${JSON.parse(bodies["api-key"]).data.length} tasks), identical for twin, api-key, peer and oauth; health ${Buffer.byteLength(bodies.health)} B, ready ${Buffer.byteLength(bodies.ready)} B. ${ROUNDS} rounds × ${SECONDS} s per cell.`,
    );

    for (const scenario of SCENARIOS) await runLoad(targets[scenario].url, 16, 2, targets[scenario].headers); // warm-up
    const postgres = postmasterPid(stack.pgDir);
    const runs: Record<string, Cell[]> = {};
    const statementTimings: Record<string, StatementTiming[]> = {};
    for (let pass = 0; pass < ROUNDS; pass++) {
      for (const connections of CONNECTIONS) {
        const order = SCENARIOS.map((_, i) => SCENARIOS[(i + pass) % SCENARIOS.length]!);
        for (const scenario of order) {
          const target = targets[scenario];
          await resetStatements(stack.admin);
          const app0 = treeCpuMs([target.server]);
          const pg0 = treeCpuMs([postgres]);
          const waits = await sampleWaits(stack.databaseUrl);
          const result = await runLoad(target.url, connections, SECONDS, target.headers);
          const appMs = treeCpuMs([target.server]) - app0;
          const pgMs = treeCpuMs([postgres]) - pg0;
          const { lockShare } = await waits.stop();
          const statements = await countStatements(stack.admin);
          if (pass === ROUNDS - 1) statementTimings[`${scenario}@${connections}`] = await topStatements(stack.admin, 6);
          const n = Math.max(result.requests, 1);
          (runs[`${scenario}@${connections}`] ??= []).push({
            rps: result.rps,
            p50: result.p50,
            p99: result.p99,
            failed: result.non2xx + result.errors,
            statementsPerRequest: statements / n,
            appCpuMsPerRequest: appMs / n,
            pgCpuMsPerRequest: pgMs / n,
            lockWaitShare: lockShare,
          });
          process.stdout.write(".");
        }
      }
    }
    process.stdout.write("\n");

    const load = SCENARIOS.flatMap((scenario) =>
      CONNECTIONS.map((connections) => {
        const results = runs[`${scenario}@${connections}`]!;
        const mid = (pick: (c: Cell) => number, digits = 2) => round(median(results.map(pick)), digits);
        return {
          scenario,
          connections,
          rps: Math.round(median(results.map((r) => r.rps))),
          /** The slowest and fastest round: the spread behind the median. */
          rpsRange: [Math.round(Math.min(...results.map((r) => r.rps))), Math.round(Math.max(...results.map((r) => r.rps)))],
          p50: mid((r) => r.p50),
          p99: mid((r) => r.p99),
          failed: results.reduce((sum, r) => sum + r.failed, 0),
          statementsPerRequest: mid((r) => r.statementsPerRequest),
          appCpuMsPerRequest: mid((r) => r.appCpuMsPerRequest, 3),
          pgCpuMsPerRequest: mid((r) => r.pgCpuMsPerRequest, 3),
          lockWaitShare: mid((r) => r.lockWaitShare),
        };
      }),
    );
    const cell = (scenario: Scenario, connections: number) => load.find((l) => l.scenario === scenario && l.connections === connections);
    const ratio = (x: number | undefined, y: number | undefined) =>
      x === undefined || y === undefined ? null : round(x / Math.max(y, 1e-9));
    // Ours over another scenario in each round (the two ran minutes apart at most): the spread of a ratio.
    const roundRatios = (other: Scenario, connections: number) => {
      const ours = runs[`api-key@${connections}`];
      const theirs = runs[`${other}@${connections}`];
      if (!ours || !theirs) return null;
      const each = ours.map((r, i) => r.rps / theirs[i]!.rps);
      return [round(Math.min(...each)), round(Math.max(...each))];
    };
    const ratios = CONNECTIONS.map((connections) => {
      const ours = cell("api-key", connections);
      const p99 = (other: Scenario) => {
        const theirs = cell(other, connections)?.p99;
        return ratio(ours?.p99, theirs === undefined ? undefined : Math.max(theirs, 1));
      };
      return {
        connections,
        apiKeyThroughput: ratio(ours?.rps, cell("health", connections)?.rps),
        vsReadyThroughput: ratio(ours?.rps, cell("ready", connections)?.rps),
        vsTwinThroughput: ratio(ours?.rps, cell("twin", connections)?.rps),
        vsPeerThroughput: ratio(ours?.rps, cell("peer", connections)?.rps),
        oauthThroughput: ratio(cell("oauth", connections)?.rps, cell("health", connections)?.rps),
        /** Lowest and highest per-round ratio (ours and the other measured in the same round). */
        vsTwinThroughputRange: roundRatios("twin", connections),
        vsPeerThroughputRange: roundRatios("peer", connections),
        apiKeyP99: p99("health"),
        vsTwinP99: p99("twin"),
        vsPeerP99: p99("peer"),
      };
    });

    // Two instances against one PostgreSQL, one key: both count on the same limiter row. Half the
    // connections on each, at the same time. First throughput (limits out of reach), then
    // exactness: a quota of QUOTA requests in a fresh window must let exactly QUOTA through,
    // whichever instance served them.
    const both = async (connections: number, seconds: number) => {
      const headers = { Authorization: `Bearer ${key.secret}` };
      const [x, y] = await Promise.all(
        [a, b].map((url) => runLoad(`${url}/api/v1/workspaces/current/tasks`, connections / 2, seconds, headers)),
      );
      return [x!, y!] as const;
    };
    const [onA, onB] = await both(16, SECONDS * 2);
    const QUOTA = 3000;
    await stack.db().workspace.update({ where: { id: acme.id }, data: { rateLimitQuota: QUOTA } });
    await stack.admin.query(`DELETE FROM "rate_limit_states" WHERE "workspace_id" = $1`, [acme.id]);
    const [limitedA, limitedB] = await both(16, 5);
    await stack.db().workspace.update({ where: { id: acme.id }, data: { rateLimitQuota: 1_000_000_000 } });
    const twoInstances = {
      connections: 16,
      rps: Math.round(onA.rps + onB.rps),
      p99: [onA.p99, onB.p99],
      failed: onA.non2xx + onA.errors + onB.non2xx + onB.errors,
      quota: QUOTA,
      passed: limitedA.ok + limitedB.ok,
      passedPerInstance: [limitedA.ok, limitedB.ok],
      refused: limitedA.non2xx + limitedB.non2xx,
    };
    if (twoInstances.passed !== QUOTA) console.log(`NOT EXACT: ${twoInstances.passed} requests passed a quota of ${QUOTA}`);

    const creation: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = process.hrtime.bigint();
      const created = await createKey(a, `bench-create-${i}`);
      creation.push(msSince(start));
      await revokeKey(a, created.id);
    }

    const spread: number[] = [];
    for (let i = 0; i < 20; i++) {
      const victim = await createKey(a, `bench-revoke-${i}`);
      const headers = { Authorization: `Bearer ${victim.secret}` };
      if ((await fetch(`${b}/api/v1/workspaces/current/tasks`, { headers })).status !== 200)
        throw new Error("the key does not work on instance B");
      if ((await revokeKey(a, victim.id)).status !== 200) throw new Error("revoke failed");
      const revokedAt = process.hrtime.bigint();
      let attempts = 0;
      while ((await fetch(`${b}/api/v1/workspaces/current/tasks`, { headers })).status !== 401) attempts++;
      spread.push(msSince(revokedAt));
      if (attempts > 0) console.log(`revocation ${i}: ${attempts} request(s) still passed on instance B`);
    }

    const report = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      settings: { rounds: ROUNDS, secondsPerCell: SECONDS, payloadBytes },
      load,
      ratios,
      /** Per scenario and connection count (last round): the statements run, with mean execution time. */
      statements: statementTimings,
      /** API-key requests on instances A and B at once (8 connections each), same key and limiter row. */
      twoInstances,
      keyCreationMs: { n: creation.length, median: round(median(creation), 1), p99: round(percentile(creation, 99), 1) },
      revocationSpreadMs: { n: spread.length, median: round(median(spread), 1), max: round(Math.max(...spread), 1) },
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };

    const pad = (value: unknown, width: number) => String(value ?? "–").padStart(width);
    console.log(
      "\nscenario  conns   req/s  (rounds: min–max)  p50 ms  p99 ms  failed  stmts/req  app CPU ms/req  PG CPU ms/req  PG lock waits",
    );
    for (const l of load) {
      console.log(
        `${l.scenario.padEnd(8)} ${pad(l.connections, 6)} ${pad(l.rps, 7)} ${pad(`${l.rpsRange[0]}–${l.rpsRange[1]}`, 18)} ${pad(l.p50, 7)} ${pad(l.p99, 7)} ${pad(l.failed, 7)} ${pad(l.statementsPerRequest, 10)} ${pad(l.appCpuMsPerRequest, 15)} ${pad(l.pgCpuMsPerRequest, 14)} ${pad(`${Math.round(l.lockWaitShare * 100)} %`, 14)}`,
      );
    }
    for (const scenario of ["api-key", "peer"] as const) {
      if (!statementTimings[`${scenario}@16`]) continue;
      console.log(`\n${scenario} at 16 connections, statements (calls, mean execution ms):`);
      for (const s of statementTimings[`${scenario}@16`] ?? [])
        console.log(`  ${pad(s.calls, 7)} ${pad(s.meanMs, 7)}  ${s.query.replace(/\s+/g, " ").slice(0, 110)}`);
    }
    const range = (r: number[] | null) => (r ? `${r[0]}–${r[1]}` : null);
    console.log("\nours = api-key; throughput ratios ours / other (median; per-round min–max for twin and peer), and p99 ratios");
    console.log("conns  /health  /ready  /twin    (rounds)  /peer    (rounds)  oauth/health  p99 /twin  p99 /peer");
    for (const r of ratios) {
      console.log(
        `${pad(r.connections, 5)} ${pad(r.apiKeyThroughput, 8)} ${pad(r.vsReadyThroughput, 7)} ${pad(r.vsTwinThroughput, 6)} ${pad(range(r.vsTwinThroughputRange), 11)} ${pad(r.vsPeerThroughput, 6)} ${pad(range(r.vsPeerThroughputRange), 11)} ${pad(r.oauthThroughput, 13)} ${pad(r.vsTwinP99, 10)} ${pad(r.vsPeerP99, 10)}`,
      );
    }
    const costOver = (scenario: Scenario) => {
      const [it, twin] = [cell(scenario, 16), cell("twin", 16)];
      if (!it || !twin) return null;
      return `${round(it.appCpuMsPerRequest - twin.appCpuMsPerRequest, 3)} ms app CPU + ${round(it.pgCpuMsPerRequest - twin.pgCpuMsPerRequest, 3)} ms PostgreSQL CPU`;
    };
    console.log(
      `\nAt 16 connections, authentication + rate limit cost per request (each minus the open twin): ours ${costOver("api-key") ?? "–"}; better-auth ${costOver("peer") ?? "–"}.`,
    );
    console.log(
      `two instances, one key, 8 connections each: ${twoInstances.rps} req/s together (one instance at 16: ${cell("api-key", 16)?.rps ?? "–"}), p99 ${twoInstances.p99.join(" and ")} ms, ${twoInstances.failed} failed; with a quota of ${QUOTA}: ${twoInstances.passed} passed (${twoInstances.passedPerInstance.join(" + ")}), ${twoInstances.refused} refused with 429`,
    );
    console.log(
      `key creation over REST: median ${report.keyCreationMs.median} ms, p99 ${report.keyCreationMs.p99} ms (n=${creation.length})`,
    );
    console.log(
      `revocation spread, A's revoke response → first 401 on B: median ${report.revocationSpreadMs.median} ms, max ${report.revocationSpreadMs.max} ms (n=${spread.length})`,
    );

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
