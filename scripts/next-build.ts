// Builds the app when the build is missing or stale. Staleness is a hash of everything that
// goes into the build, written next to it, so a second `npm start` starts in a second.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const STAMP = path.join(".next", "source-hash");

function addToHash(hash: ReturnType<typeof createHash>, file: string) {
  if (!existsSync(file)) return;
  if (statSync(file).isDirectory()) {
    for (const entry of readdirSync(file).sort()) {
      if (entry !== ".next" && entry !== "node_modules") addToHash(hash, path.join(file, entry));
    }
    return;
  }
  hash.update(file).update("\0").update(readFileSync(file)).update("\0");
}

export function sourceHash(inputs: string[] = INPUTS): string {
  // Built by another major version of Node.js (e.g. CI's second leg): build again.
  const hash = createHash("sha256").update(`node ${process.versions.node.split(".")[0]}\0`);
  for (const input of inputs) addToHash(hash, input);
  return hash.digest("hex");
}

/** Builds the app (or, with `dir`, the Next.js app in that folder, e.g. the bench's peer). */
export function ensureBuild({ dir = ".", inputs = INPUTS }: { dir?: string; inputs?: string[] } = {}): void {
  const stamp = dir === "." ? STAMP : path.join(dir, STAMP);
  const wanted = sourceHash(inputs);
  const built = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : null;
  if (built === wanted && existsSync(path.join(dir, ".next", "BUILD_ID"))) return;
  const what = dir === "." ? "" : ` (${dir})`;
  console.log(built ? `Sources changed since the last build${what}: building…` : `No build yet${what}: building…`);
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build", ...(dir === "." ? [] : [dir])], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("`next build` failed (see above).");
  writeFileSync(stamp, wanted);
}
