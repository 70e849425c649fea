// What the benchmarks run against: a fresh embedded PostgreSQL (migrated, demo seeded, with
// pg_stat_statements loaded so statements per request can be counted), the local OpenID
// provider and app instances from the production build, all on free ports in a temporary
// folder. Nothing of the developer's .data/ is touched.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { APP_SERVER_ARGS } from "../app-command";
import { freePort } from "../free-port";
import { startDevOidcProvider } from "../dev-oidc/provider";
import { startEmbeddedPostgres } from "../embedded-postgres";

export const AUDIENCE = "urn:one:api";

export type Stack = Awaited<ReturnType<typeof startStack>>;

type StackOptions = { nodeArgs?: string[]; postgresSettings?: Record<string, string>; onPostgresLog?: (chunk: string) => void };

export async function startStack(instances: number, options: StackOptions = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "one-bench-"));
  chmodSync(dir, 0o755);
  const pgDir = path.join(dir, "pg");
  const database = await startEmbeddedPostgres({
    dir: pgDir,
    port: await freePort(),
    password: "bench",
    database: "one",
    settings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track_utility": "on", ...options.postgresSettings },
    onLog: options.onPostgresLog,
  });
  await migrate(database.url);
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
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
    spawn(process.execPath, [...(options.nodeArgs ?? []), ...APP_SERVER_ARGS], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...env, NODE_ENV: "production", PORT: String(port), AUTH_URL: `http://localhost:${port}` },
    }),
  );
  const extra: ChildProcess[] = [];
  const urls = ports.map((port) => `http://localhost:${port}`);
  for (const url of urls) await waitFor(`${url}/api/health/ready`);

  return {
    urls,
    issuer: provider.issuer,
    db,
    /** The bench's own connection, for seeding and pg_stat_statements. */
    admin,
    databaseUrl: database.url,
    /** PostgreSQL's data folder (its postmaster.pid names the server's process). */
    pgDir,
    /** Process ids of the app instances, in the order of `urls`. */
    appPids: apps.map((app) => app.pid!),
    /** Starts another Next.js server (the bench's peer app) that stops with the stack. */
    async spawnNext(appDir: string, extraEnv: Record<string, string>): Promise<{ url: string; pid: number }> {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [...(options.nodeArgs ?? []), "node_modules/next/dist/bin/next", "start", appDir, "-p", String(port)],
        {
          stdio: ["ignore", "ignore", "inherit"],
          env: { ...env, ...extraEnv },
        },
      );
      extra.push(child);
      return { url: `http://localhost:${port}`, pid: child.pid! };
    },
    async stop() {
      const all = [...apps, ...extra];
      for (const app of all) app.kill("SIGTERM");
      await Promise.all(all.map((app) => new Promise((resolve) => (app.exitCode !== null ? resolve(null) : app.once("exit", resolve)))));
      await admin.end();
      await db().$disconnect();
      await provider.close();
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitFor(url: string, init?: RequestInit) {
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(url, init).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start`);
}
