// `npm run bench:profile`: where an API-key request's CPU time goes in the app. Runs the same
// stack as `npm run bench` with every server under `node --cpu-prof`, loads each server with
// ONE scenario at 16 connections (instance A: api-key; instance B: health; the peer app: the
// open twin) in alternating 3-second slices (so a shared machine's drift hits all three
// alike), stops them so they write their profiles, and prints self time per request by
// category (source-mapped back to our files and to the packages bundled into the build), the
// differences that authentication makes, and the top functions of the API-key request.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fetchAccessToken } from "./dev-oidc/token-flow";
import { summarise } from "./bench/cpu-profile";
import { runLoad } from "./bench/load";
import { ensurePeerBuild, startPeer } from "./bench/peer";
import { AUDIENCE, startStack } from "./bench/stack";
import { round } from "./bench/stats";
import { ensureBuild } from "./next-build";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15); // per scenario, in 3-second slices
const SLICE_SECONDS = 3;
const CONNECTIONS = 16;

async function main() {
  ensureBuild();
  ensurePeerBuild();
  const profiles = mkdtempSync(path.join(tmpdir(), "one-bench-profiles-"));
  const stack = await startStack(2, { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profiles}`, "--cpu-prof-interval=250"] });
  const [a, b] = stack.urls as [string, string];
  const [pidA, pidB] = stack.appPids as [number, number];
  const served: Record<string, { pid: number; requests: number; windows: Array<{ fromUs: number; toUs: number }> }> = {};
  try {
    const acme = await stack
      .db()
      .workspace.update({ where: { slug: "acme" }, data: { rateLimitBurst: 1_000_000_000, rateLimitQuota: 1_000_000_000 } });
    const owner = await fetchAccessToken({ issuer: stack.issuer, email: "owner@example.com", password: "password", audience: AUDIENCE });
    const created = await fetch(`${a}/api/v1/workspaces/current/api-keys`, {
      method: "POST",
      headers: { Authorization: `Bearer ${owner}`, "Content-Type": "application/json" },
      body: JSON.stringify({ description: "profile" }),
    });
    const { secret } = (await created.json()) as { secret: string };
    const peer = await startPeer(stack, acme.id);
    const runs: Array<{ name: string; pid: number; url: string; headers: Record<string, string> }> = [
      { name: "api-key", pid: pidA, url: `${a}/api/v1/workspaces/current/tasks`, headers: { Authorization: `Bearer ${secret}` } },
      { name: "health", pid: pidB, url: `${b}/api/health`, headers: {} },
      { name: "twin", pid: peer.pid, url: `${peer.url}/open/workspaces/current/tasks`, headers: {} },
    ];
    for (const run of runs) await runLoad(run.url, CONNECTIONS, 2, run.headers); // warm-up
    for (let slice = 0; slice < Math.ceil(SECONDS / SLICE_SECONDS); slice++) {
      for (const run of runs) {
        const fromUs = Number(process.hrtime.bigint() / 1000n);
        const result = await runLoad(run.url, CONNECTIONS, SLICE_SECONDS, run.headers);
        const toUs = Number(process.hrtime.bigint() / 1000n);
        const entry = (served[run.name] ??= { pid: run.pid, requests: 0, windows: [] });
        entry.requests += result.requests;
        entry.windows.push({ fromUs, toUs });
      }
    }
    for (const [name, { requests }] of Object.entries(served))
      console.log(`${name}: ${Math.round(requests / SECONDS)} req/s at ${CONNECTIONS} connections`);
  } finally {
    await stack.stop();
  }

  const files = readdirSync(profiles);
  const summaries = Object.fromEntries(
    Object.entries(served).map(([name, { pid, requests, windows }]) => {
      const file = files.find((f) => f.includes(`.${pid}.`));
      if (!file) throw new Error(`no profile for ${name} (pid ${pid}) in ${profiles}`);
      // Only the samples of the measured load run: start-up and warm-up stay out.
      return [name, { ...summarise(path.join(profiles, file), windows), requests }];
    }),
  );
  const categories = [...new Set(Object.values(summaries).flatMap((s) => Object.keys(s.categories)))].filter((c) => c !== "idle");
  const perRequestUs = (name: string, category: string) =>
    round(((summaries[name]!.categories[category] ?? 0) * 1000) / summaries[name]!.requests, 0);
  const total = (name: string) => categories.reduce((sum, c) => sum + perRequestUs(name, c), 0);
  console.log(`\nApp CPU per request (µs, sampled self time; profiles in ${profiles})`);
  console.log(`${"category".padEnd(34)} ${"health".padStart(8)} ${"twin".padStart(8)} ${"api-key".padStart(8)} ${"key−twin".padStart(9)}`);
  for (const c of categories.sort((x, y) => perRequestUs("api-key", y) - perRequestUs("api-key", x))) {
    console.log(
      `${c.padEnd(34)} ${String(perRequestUs("health", c)).padStart(8)} ${String(perRequestUs("twin", c)).padStart(8)} ${String(perRequestUs("api-key", c)).padStart(8)} ${String(perRequestUs("api-key", c) - perRequestUs("twin", c)).padStart(9)}`,
    );
  }
  console.log(
    `${"total".padEnd(34)} ${String(total("health")).padStart(8)} ${String(total("twin")).padStart(8)} ${String(total("api-key")).padStart(8)} ${String(total("api-key") - total("twin")).padStart(9)}`,
  );

  const top = (name: string, n: number) =>
    [...summaries[name]!.functions.entries()]
      .filter(([key]) => key !== "(native) (idle)")
      .sort((x, y) => y[1] - x[1])
      .slice(0, n)
      .map(([key, ms]) => `${String(round((ms * 1000) / summaries[name]!.requests, 0)).padStart(6)} µs  ${key}`);
  console.log("\nTop self time per API-key request:");
  for (const line of top("api-key", 25)) console.log(line);
  // Functions are keyed by name and source, the same in both apps for shared code (Next.js, pg,
  // Node): where the API-key request spends more than the open twin's, largest first.
  const perRequest = (name: string, key: string) => ((summaries[name]!.functions.get(key) ?? 0) * 1000) / summaries[name]!.requests;
  const keys = new Set([...summaries["api-key"]!.functions.keys(), ...summaries.twin!.functions.keys()]);
  console.log("\nWhere the API-key request spends more than the open twin (µs per request: api-key, twin, difference):");
  for (const key of [...keys]
    .filter((k) => k !== "(native) (idle)")
    .sort((x, y) => perRequest("api-key", y) - perRequest("twin", y) - (perRequest("api-key", x) - perRequest("twin", x)))
    .slice(0, 20)) {
    const [ours, twin] = [perRequest("api-key", key), perRequest("twin", key)];
    console.log(
      `${String(round(ours, 0)).padStart(6)} ${String(round(twin, 0)).padStart(6)} ${String(round(ours - twin, 0)).padStart(6)}  ${key}`,
    );
  }
  console.log("\nOur own code (lib/, app/) in the API-key request:");
  for (const [key, ms] of [...summaries["api-key"]!.functions.entries()]
    .filter(([key]) => /^(lib|app)\//.test(key))
    .sort((x, y) => y[1] - x[1])
    .slice(0, 15)) {
    console.log(`${String(round((ms * 1000) / summaries["api-key"]!.requests, 1)).padStart(6)} µs  ${key}`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
