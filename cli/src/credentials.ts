// The signed-in session: $XDG_CONFIG_HOME/one/credentials.json (default ~/.config/one), the
// folder 0700 and the file 0600, written whole (temporary file + rename) so a crash never
// leaves half a file. Tokens live only here: never in arguments, the environment or the repo.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import type { Settings } from "./settings.js";

export interface Credentials extends Settings {
  accessToken: string;
  /** Milliseconds since the epoch. */
  accessTokenExpiresAt: number;
  refreshToken: string | null;
  user: { sub: string; email: string | null; name: string | null };
}

function configDir(): string {
  return path.join(process.env.XDG_CONFIG_HOME || path.join(homedir(), ".config"), "one");
}

const credentialsPath = () => path.join(configDir(), "credentials.json");

export function readCredentials(): Credentials | null {
  let text: string;
  try {
    text = readFileSync(credentialsPath(), "utf8");
  } catch {
    return null;
  }
  try {
    return JSON.parse(text) as Credentials;
  } catch {
    return null;
  }
}

export function writeCredentials(credentials: Credentials): void {
  mkdirSync(configDir(), { recursive: true, mode: 0o700 });
  const file = credentialsPath();
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

export function removeCredentials(): void {
  rmSync(credentialsPath(), { force: true });
}
