// `npm run start:app` beside a running `npm start` (this run's server) takes the OpenID issuer
// and the embedded PostgreSQL of the `npm start` that owns its DATA_DIR, not whatever listens
// on the default ports: with no OIDC_PORT, OIDC_ISSUER, EMBEDDED_PG_PORT or DATABASE_URL set,
// it must accept tokens of this run's provider (on a port other than the default).
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { freePort } from "../scripts/free-port";
import { E2E_DATA_DIR } from "./env";
import { userToken } from "./rest/callers";

test.describe.configure({ timeout: 180_000 });

let instance: ChildProcess | undefined;

test.afterAll(async () => {
  if (instance?.pid && instance.exitCode === null) {
    process.kill(-instance.pid, "SIGTERM");
    await new Promise((resolve) => instance!.once("exit", resolve));
  }
});

test("start:app uses the issuer and database of the npm start that owns its DATA_DIR", async () => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: E2E_DATA_DIR };
  for (const name of ["OIDC_PORT", "OIDC_ISSUER", "EMBEDDED_PG_PORT", "DATABASE_URL"]) delete env[name];
  instance = spawn("npm", ["run", "start:app"], { detached: true, stdio: ["ignore", "inherit", "inherit"], env });
  const url = `http://localhost:${port}/api/v1/workspaces/current/tasks`;
  const token = await userToken("member@example.com");
  let status = 0;
  for (let i = 0; i < 240 && instance.exitCode === null; i++) {
    status = await fetch(url, { headers: { Authorization: `Bearer ${token}` } }).then(
      (r) => r.status,
      () => 0,
    );
    if (status) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect({ started: instance.exitCode === null, status }).toEqual({ started: true, status: 200 });
});
