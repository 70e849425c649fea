// What the benchmark runs against: a fresh embedded PostgreSQL (migrated, demo seeded), the
// local OpenID provider and two app instances from the production build, all on free ports
// in a temporary folder. Nothing of the developer's .data/ is touched.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "../../lib/db/migrate";
import { APP_SERVER_ARGS } from "../app-command";
import { freePort } from "../free-port";
import { startDevOidcProvider } from "../dev-oidc/provider";
import { startEmbeddedPostgres } from "../embedded-postgres";

export const AUDIENCE = "urn:one:api";

export async function startStack(instances: number, nodeArgs: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), "one-bench-"));
  chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: await freePort(), password: "bench", database: "one" });
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../../lib/db/client");
  const { seedDemo } = await import("../../prisma/seed");
  await seedDemo(db());

  const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
  const clientSecret = randomBytes(16).toString("hex");
  const provider = await startDevOidcProvider({
    port: 0,
    appUrl: `http://localhost:${ports[0]}`,
    clientId: "one-dashboard",
    clientSecret,
    audience: AUDIENCE,
    keysFile: path.join(dir, "oidc-keys.json"),
  });
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: "one-dashboard",
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_AUDIENCE: AUDIENCE,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  const apps: ChildProcess[] = ports.map((port) =>
    spawn(process.execPath, [...nodeArgs, ...APP_SERVER_ARGS], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...env, NODE_ENV: "production", PORT: String(port), AUTH_URL: `http://localhost:${port}` },
    }),
  );
  const urls = ports.map((port) => `http://localhost:${port}`);
  for (const url of urls) await waitFor(`${url}/api/baseline`);

  return {
    urls,
    issuer: provider.issuer,
    db,
    async stop() {
      for (const app of apps) app.kill("SIGTERM");
      await Promise.all(apps.map((app) => new Promise((resolve) => (app.exitCode !== null ? resolve(null) : app.once("exit", resolve)))));
      await db().$disconnect();
      await provider.close();
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(url: string) {
  for (let i = 0; i < 200; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start`);
}
