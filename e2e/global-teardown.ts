// After the whole suite: the server's output must not contain any API key secret.
import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E_DATA_DIR } from "./env";

export default function checkLogsForSecrets() {
  const log = readFileSync(path.join(E2E_DATA_DIR, "server.log"), "utf8");
  const leaks = log.match(/one_[0-9A-Za-z]{36}/g) ?? [];
  if (leaks.length > 0) throw new Error(`The server's logs contain ${leaks.length} API key secret(s).`);
  console.log(`Server log checked for secrets: ${log.length} characters, none found.`);
}
