// Reads a V8 CPU profile (node --cpu-prof) and says where the time went: self time per sample
// attributed to the original source file through the bundles' source maps (Next.js builds
// minified chunks), grouped into categories a reader can act on.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type Frame = { source: string; name: string };

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const file = url.startsWith("file://") ? fileURLToPath(url) : url;
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url)!;
}

/** The original file and function of a profile node, and the category it counts under. */
export function originalFrame(frame: Node["callFrame"]): Frame & { category: string } {
  const { url, functionName, lineNumber, columnNumber } = frame;
  if (!url) {
    const category = /^\((idle)\)$/.test(functionName)
      ? "idle"
      : functionName === "(garbage collector)"
        ? "garbage collection"
        : /^\((program|root)\)$/.test(functionName)
          ? "V8 / runtime (program)"
          : "native (JSON, RegExp, I/O bindings…)";
    return { source: "(native)", name: functionName || "(anonymous)", category };
  }
  if (url.startsWith("node:")) {
    const category =
      /^node:(_http|http|net|stream|internal\/(http|streams|stream_base|net|tcp|js_stream|webstreams|deps\/undici|url|abort_controller))/.test(
        url,
      )
        ? "Node: http, net, streams, web APIs"
        : /^node:(crypto|internal\/crypto|zlib)/.test(url)
          ? "Node: crypto, zlib"
          : "Node: other (events, async hooks, timers, modules)";
    return { source: url, name: functionName || "(anonymous)", category };
  }
  const map = sourceMapOf(url);
  const entry = map?.findEntry(lineNumber, columnNumber) as { originalSource?: string; name?: string } | undefined;
  const original = entry?.originalSource ?? url;
  const name = entry?.name || functionName || "(anonymous)";
  // Files of the repository (bundled into .next chunks): lib/…, app/…, bench/peer/…
  const project = /(?:\[project\]\/|(?:\.\.\/)+|\/)((?:lib|app|bench\/peer)\/[^?]*)$/.exec(original);
  if (!original.includes("node_modules") && project && !url.includes("/node_modules/next/"))
    return { source: project[1]!, name, category: "our code (lib/, app/)" };
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url.includes("/.next/") ? original : url)?.[1];
  const source = pkg
    ? `${pkg}: ${original.replace(/^.*node_modules\/(?:@[^/]+\/)?[^/]+\//, "").replace(/^webpack:\/\/[^/]+\/\.\//, "")}`
    : original;
  return { source, name, category: categoryOfPackage(pkg, url, original) };
}

function categoryOfPackage(pkg: string | undefined, url: string, original: string): string {
  if (pkg === "next" || pkg?.startsWith("@next/") || original.includes("[turbopack]") || url.includes("/node_modules/next/"))
    return "Next.js";
  if (pkg && /^(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|pgpass|pg-connection-string)$/.test(pkg)) return "pg driver";
  if (pkg && /^(@prisma\/|prisma)/.test(pkg)) return "Prisma";
  if (pkg === "zod") return "zod";
  if (pkg && /^(better-auth|@better-auth\/|kysely|better-call|@noble\/|@better-fetch\/)/.test(pkg)) return "better-auth / kysely";
  if (pkg && /^(next-auth|@auth\/|jose|oauth4webapi)/.test(pkg)) return "Auth.js / jose";
  return pkg ? `other packages (${pkg})` : "other";
}

/**
 * Self time in ms per category and per original function, counting only the samples taken
 * within the given windows (process.hrtime in µs: V8's profile clock is the same monotonic
 * clock), so that start-up, warm-up and idle time stay out.
 */
export function summarise(file: string, windows: Array<{ fromUs: number; toUs: number }> = [{ fromUs: -Infinity, toUs: Infinity }]) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const frames = new Map<number, ReturnType<typeof originalFrame>>();
  const selfMs = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (!windows.some((w) => at >= w.fromUs && at <= w.toUs)) continue;
    const id = profile.samples[i]!;
    selfMs.set(id, (selfMs.get(id) ?? 0) + delta / 1000);
  }
  const categories: Record<string, number> = {};
  const functions = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    const frame = frames.get(id) ?? originalFrame(node.callFrame);
    frames.set(id, frame);
    const category = frame.category;
    categories[category] = (categories[category] ?? 0) + ms;
    const key = `${frame.source} ${frame.name}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
  }
  return { categories, functions, wallMs: (profile.endTime - profile.startTime) / 1000 };
}
