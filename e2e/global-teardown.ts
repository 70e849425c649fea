// After the whole suite: the server's output must not contain any API key secret, nor any
// OAuth token, ID token or session cookie (all JWTs or JWEs: base64url JSON headers, "eyJ…").
import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E_DATA_DIR } from "./env";

const SECRETS = {
  "API key secret": /one_[0-9A-Za-z]{36}/g,
  "token or session cookie": /eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]*\.[0-9A-Za-z_-]{8,}/g,
};

export default function checkLogsForSecrets() {
  const log = readFileSync(path.join(E2E_DATA_DIR, "server.log"), "utf8");
  for (const [what, pattern] of Object.entries(SECRETS)) {
    const leaks = log.match(pattern) ?? [];
    if (leaks.length > 0) throw new Error(`The server's logs contain ${leaks.length} ${what}(s).`);
  }
  console.log(`Server log checked for API key secrets, tokens and session cookies: ${log.length} characters, none found.`);
}
