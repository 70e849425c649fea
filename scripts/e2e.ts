// `npm run test:e2e`: the browser suite as several Playwright runs at once (shards), each with its
// own app, embedded PostgreSQL, sign-in provider, GitHub keys stand-in and Prometheus on its own
// ports and data folder (e2e/env.ts), so no test shares state with a test running beside it. The
// tests mostly wait (for pages, the server, rate-limit windows), so shards on two cores finish in
// a fraction of one run's time. `E2E_SHARDS` sets how many (default 3; 1: one plain run).
// With arguments (`npm run test:e2e -- e2e/sign-in.spec.ts`) it is one `playwright test` run.
import { spawn } from "node:child_process";
import readline from "node:readline";
import { ensureBuild } from "./next-build";

const args = process.argv.slice(2);
const shards = args.length > 0 ? 1 : Number(process.env.E2E_SHARDS ?? 3);
if (!Number.isInteger(shards) || shards < 1) throw new Error("E2E_SHARDS must be a whole number from 1.");

// Built once here: each shard's server would otherwise find the build missing and start one.
await ensureBuild();

/** Shard `index` (0-based) on its own ports: 3100, 9410, 54339 for the first, then 100/20/20 apart. */
function run(index: number): Promise<number> {
  const env = {
    ...process.env,
    E2E_PORT: String(3100 + index * 100),
    E2E_OIDC_PORT: String(9410 + index * 20),
    E2E_GITHUB_KEYS_PORT: String(9411 + index * 20),
    E2E_PG_PORT: String(54339 + index * 20),
  };
  const shardArgs = shards > 1 ? [`--shard=${index + 1}/${shards}`] : [];
  const child = spawn("npx", ["playwright", "test", ...shardArgs, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = shards > 1 ? `[${index + 1}/${shards}] ` : "";
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => process.stdout.write(`${prefix}${line}\n`));
  }
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

const started = Date.now();
const codes = await Promise.all(Array.from({ length: shards }, (_, index) => run(index)));
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const failed = codes.flatMap((code, index) => (code === 0 ? [] : [index + 1]));
console.log(
  failed.length === 0
    ? `End-to-end: all ${shards} shard(s) passed in ${minutes} min.`
    : `End-to-end: shard(s) ${failed.join(", ")} of ${shards} failed (${minutes} min); their failures are listed above, prefixed [n/${shards}].`,
);
process.exit(failed.length === 0 ? 0 : 1);
