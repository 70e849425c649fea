// The app for end-to-end tests: `npm start`'s launcher on its own ports with a data folder
// that starts empty at every run (a new embedded PostgreSQL, freshly migrated and seeded).
import { chmodSync, mkdirSync, rmSync } from "node:fs";

const dataDir = process.env.DATA_DIR;
if (!dataDir?.includes("one-e2e-")) throw new Error("e2e/server.ts needs DATA_DIR set by playwright.config.ts");
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
chmodSync(dataDir, 0o755); // PostgreSQL runs as its own system user and must reach its folder

await import("../scripts/start");
