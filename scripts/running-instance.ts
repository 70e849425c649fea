// What a running `npm start` tells the instances started beside it (`npm run start:app` with
// the same DATA_DIR): the OpenID issuer it started or was given, the port of its embedded
// PostgreSQL, and the SMTP server its app sends mail to (its local catcher, or SMTP_URL). Without this, start:app would have to guess them from its own defaults and could
// trust whatever provider happens to listen on the default port.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export type RunningInstance = { pid: number; issuer: string; embeddedPgPort: number | null; smtpUrl?: string | null };

const fileIn = (dataDir: string) => path.join(dataDir, "running.json");

/** Written by `npm start` once its parts run; returns a function that removes it again. */
export function announceInstance(dataDir: string, instance: Omit<RunningInstance, "pid">): () => Promise<void> {
  const file = fileIn(dataDir);
  writeFileSync(file, JSON.stringify({ pid: process.pid, ...instance }, null, 2), { mode: 0o600 });
  return async () => {
    if (readRunningInstance(dataDir)?.pid === process.pid) rmSync(file, { force: true });
  };
}

/** The `npm start` that owns this DATA_DIR, or null when none is running. */
export function readRunningInstance(dataDir: string): RunningInstance | null {
  const file = fileIn(dataDir);
  if (!existsSync(file)) return null;
  try {
    const instance = JSON.parse(readFileSync(file, "utf8")) as RunningInstance;
    process.kill(instance.pid, 0); // throws when that process is gone
    return instance;
  } catch {
    return null;
  }
}
