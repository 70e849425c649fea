// `npm run bench:pages`: Lighthouse's performance figures for each page, signed in as the demo
// owner, at the mobile and desktop presets: the performance score, largest contentful paint,
// total blocking time, cumulative layout shift and the script transferred, each the median of
// BENCH_PAGES_RUNS (3) runs. Runs are taken in rounds (every page and preset once per round) so
// a shared machine's drift hits all of them alike. Against the production build on a fresh
// embedded PostgreSQL (scripts/bench/stack.ts), with three keys created over REST so the list,
// a key's page and the audit log have rows. Prints a table and writes
// bench/results/pages-<date>.json. A script, not a test: the accessibility, best-practices and
// SEO scores are asserted in e2e/lighthouse.spec.ts; performance depends on the machine.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fetchAccessToken } from "./dev-oidc/token-flow";
import { audit, PAGES, PRESETS, signedInBrowser, type Audit, type Preset } from "./bench/lighthouse";
import { AUDIENCE, startStack } from "./bench/stack";
import { median, round } from "./bench/stats";
import { ensureBuild } from "./next-build";

const RUNS = Number(process.env.BENCH_PAGES_RUNS ?? 3);

type Row = {
  page: string;
  path: string;
  preset: Preset;
  performance: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  scriptKb: number;
  runs: Audit[];
};

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg().map((l) => round(l, 2));
  ensureBuild();
  const stack = await startStack(1);
  const [url] = stack.urls as [string];
  try {
    const owner = await fetchAccessToken({ issuer: stack.issuer, email: "owner@example.com", password: "password", audience: AUDIENCE });
    let keyId = "";
    for (const description of ["ci-production", "billing-worker", "staging-deploy"]) {
      const response = await fetch(`${url}/api/v1/workspaces/current/api-keys`, {
        method: "POST",
        headers: { Authorization: `Bearer ${owner}`, "Content-Type": "application/json" },
        body: JSON.stringify({ description }),
      });
      if (response.status !== 201) throw new Error(`creating a key: ${response.status}`);
      keyId = ((await response.json()) as { id: string }).id;
    }

    const browser = await signedInBrowser(url);
    const runs = new Map<string, Audit[]>();
    try {
      for (let r = 1; r <= RUNS; r++) {
        for (const page of PAGES) {
          for (const preset of PRESETS) {
            const result = await audit(browser, url + page.path(keyId), preset);
            const key = `${page.name}@${preset}`;
            runs.set(key, [...(runs.get(key) ?? []), result]);
            console.log(
              `round ${r}/${RUNS} ${key}: performance ${result.scores.performance}, LCP ${Math.round(result.metrics.lcp)} ms, TBT ${Math.round(result.metrics.tbt)} ms, CLS ${round3(result.metrics.cls)}`,
            );
          }
        }
      }
    } finally {
      await browser.close();
    }

    const rows: Row[] = PAGES.flatMap((page) =>
      PRESETS.map((preset) => {
        const results = runs.get(`${page.name}@${preset}`)!;
        const mid = (pick: (a: Audit) => number) => median(results.map(pick));
        return {
          page: page.name,
          path: page.path(":keyId"),
          preset,
          performance: mid((a) => a.scores.performance),
          lcpMs: Math.round(mid((a) => a.metrics.lcp)),
          tbtMs: Math.round(mid((a) => a.metrics.tbt)),
          cls: round3(mid((a) => a.metrics.cls)),
          scriptKb: Math.round(mid((a) => a.metrics.scriptBytes) / 1024),
          runs: results,
        };
      }),
    );
    console.log(`\nmedians of ${RUNS} runs`);
    console.log("page        preset   perf  LCP ms  TBT ms  CLS    JS KB  (a11y / best practices / SEO of the last run)");
    for (const row of rows) {
      const last = row.runs.at(-1)!.scores;
      console.log(
        `${row.page.padEnd(11)} ${row.preset.padEnd(8)} ${String(row.performance).padStart(4)} ${String(row.lcpMs).padStart(7)} ${String(row.tbtMs).padStart(7)}  ${String(row.cls).padEnd(6)} ${String(row.scriptKb).padStart(5)}  ${last.accessibility} / ${last["best-practices"]} / ${last.seo}`,
      );
    }
    const date = new Date().toISOString();
    const report = {
      date,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      // The load averages (1, 5, 15 min) before and after: on a shared machine, compare runs taken under similar load.
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadBefore, loadAfter: os.loadavg().map((l) => round(l, 2)) },
      runsPerCell: RUNS,
      pages: rows,
    };
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/pages-${date.replace(/[:.]/g, "-")}.json`;
    writeFileSync(file, JSON.stringify(report, null, 2));
    console.log(`\nWritten to ${file} (${report.durationSeconds} s).`);
  } finally {
    await stack.stop();
  }
}

const round3 = (value: number) => round(value, 3);

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
