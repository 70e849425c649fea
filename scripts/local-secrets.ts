// Secrets of the local setup (embedded PostgreSQL password, Auth.js secret, the dashboard's
// client secret at the local OpenID provider, the key that encrypts server-action closures),
// generated on the first start and kept in DATA_DIR so that sessions and data survive
// restarts and every instance started from this DATA_DIR shares them. Values set in the
// environment take precedence (scripts/config.ts).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export type LocalSecrets = { pgPassword: string; authSecret: string; oidcClientSecret: string; serverActionsKey: string };

export async function loadLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : {};
  const secrets: LocalSecrets = {
    pgPassword: stored.pgPassword ?? randomBytes(18).toString("base64url"),
    authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
    oidcClientSecret: stored.oidcClientSecret ?? randomBytes(32).toString("base64url"),
    // AES-256 key, base64, as Next.js expects in NEXT_SERVER_ACTIONS_ENCRYPTION_KEY.
    serverActionsKey: stored.serverActionsKey ?? randomBytes(32).toString("base64"),
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
