// A real Prometheus (Debian's `prometheus` package; `.ci/run` installs it) for the e2e run: it
// scrapes the e2e app's /api/metrics every second with the run's METRICS_TOKEN, keeps its data
// in a temporary folder, and answers the metrics test through its own HTTP API.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/free-port";

export type RunningPrometheus = { url: string; stop: () => Promise<void> };

export async function startPrometheus(target: string, token: string): Promise<RunningPrometheus> {
  const dir = mkdtempSync(path.join(tmpdir(), "one-e2e-prometheus-"));
  const config = path.join(dir, "prometheus.yml");
  writeFileSync(
    config,
    [
      "global: { scrape_interval: 1s, scrape_timeout: 1s }",
      "scrape_configs:",
      "  - job_name: one",
      "    metrics_path: /api/metrics",
      `    authorization: { type: Bearer, credentials: ${JSON.stringify(token)} }`,
      `    static_configs: [{ targets: [${JSON.stringify(target)}] }]`,
    ].join("\n"),
  );
  const port = await freePort();
  const binary = process.env.PROMETHEUS_PATH ?? "prometheus";
  const child: ChildProcess = spawn(
    binary,
    [`--config.file=${config}`, `--storage.tsdb.path=${path.join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let output = "";
  child.stderr!.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  const failed = new Promise<never>((_, reject) => {
    child.once("error", (error) =>
      reject(
        new Error(
          `Cannot run ${binary} (${error.message}): install Debian's prometheus (apt-get install prometheus) or set PROMETHEUS_PATH.`,
        ),
      ),
    );
    child.once("exit", (code) => reject(new Error(`Prometheus exited (${code}):\n${output}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([failed, waitUntilReady(url)]);
  failed.catch(() => undefined); // after a clean start, its exit is the teardown's
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(url: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ready = await fetch(`${url}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("Prometheus did not become ready in 10 s.");
}

type Sample = { metric: Record<string, string>; value: [number, string] };

/** The result of an instant query, through Prometheus's HTTP API. */
export async function query(prometheusUrl: string, promql: string): Promise<Sample[]> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await response.json()) as { status: string; data: { resultType: string; result: Sample[] }; error?: string };
  if (body.status !== "success") throw new Error(`Prometheus: ${body.error}`);
  return body.data.result;
}
