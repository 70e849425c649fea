// The app for end-to-end tests: `npm start`'s launcher on its own ports with a data folder
// that starts empty at every run (a new embedded PostgreSQL, freshly migrated and seeded).
// Its output is shown and also kept in DATA_DIR/server.log, which the global teardown
// searches for leaked secrets.
import { spawn } from "node:child_process";
import { chmodSync, createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const dataDir = process.env.DATA_DIR;
if (!dataDir?.includes("one-e2e-")) throw new Error("e2e/server.ts needs DATA_DIR set by playwright.config.ts");
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
chmodSync(dataDir, 0o755); // PostgreSQL runs as its own system user and must reach its folder

const log = createWriteStream(path.join(dataDir, "server.log"));
const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: ["ignore", "pipe", "pipe"] });
child.stdout.on("data", (chunk) => (process.stdout.write(chunk), log.write(chunk)));
child.stderr.on("data", (chunk) => (process.stderr.write(chunk), log.write(chunk)));
child.on("exit", (code) => log.end(() => process.exit(code ?? 0)));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
