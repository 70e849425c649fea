// One load run with autocannon in its own process (so the load generator does not share an
// event loop with anything it measures), parsed from its JSON output.
import { spawn } from "node:child_process";

export type LoadResult = { rps: number; p50: number; p99: number; ok: number; non2xx: number; errors: number; requests: number };

export function runLoad(url: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const args = ["node_modules/autocannon/autocannon.js", "-j", "-c", String(connections), "-d", String(seconds)];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}=${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out);
      resolve({
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        ok: r["2xx"],
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
        requests: r.requests.total,
      });
    });
  });
}
