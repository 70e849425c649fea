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
    for (const entry of readdirSync(file).sort()) addToHash(hash, path.join(file, entry));
    return;
  }
  hash.update(file).update("\0").update(readFileSync(file)).update("\0");
}

export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) addToHash(hash, input);
  return hash.digest("hex");
}

export function ensureBuild(): void {
  const wanted = sourceHash();
  const built = existsSync(STAMP) ? readFileSync(STAMP, "utf8").trim() : null;
  if (built === wanted && existsSync(path.join(".next", "BUILD_ID"))) return;
  console.log(built ? "Sources changed since the last build: building…" : "No build yet: building…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("`next build` failed (see above).");
  writeFileSync(STAMP, wanted);
}
