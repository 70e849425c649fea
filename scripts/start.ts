// `npm start`: everything the app needs, in one command.
// Without DATABASE_URL it starts the embedded PostgreSQL under DATA_DIR; without OIDC_ISSUER
// it starts the local OpenID provider. Then it applies migrations, seeds the demo workspace,
// builds if needed and serves the app. Ctrl-C stops all of it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { migrate } from "../lib/db/migrate";
import { readConfig } from "./config";
import { startDevOidcProvider } from "./dev-oidc/provider";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { loadLocalSecrets } from "./local-secrets";
import { ensureBuild } from "./next-build";

const config = readConfig();
const cleanups: Array<() => Promise<void>> = [];
let app: ChildProcess | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app!.once("exit", resolve));
    app.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(e));
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
process.on("exit", () => app?.kill("SIGKILL")); // never leave the server behind

async function main() {
  const secrets = await loadLocalSecrets(config.dataDir);

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const database: EmbeddedDatabase = await startEmbeddedPostgres({
      dir: path.join(config.dataDir, "postgres"),
      port: config.embeddedPgPort,
      password: secrets.pgPassword,
      database: "one",
    });
    cleanups.push(database.stop);
    databaseUrl = database.url;
    console.log(`Embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort} (data in ${path.relative(process.cwd(), config.dataDir) || "."}/postgres)`);
  }
  process.env.DATABASE_URL = databaseUrl;

  const applied = await migrate(databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (config.seedDemo) {
    const { db } = await import("../lib/db/client");
    const { seedDemo } = await import("../prisma/seed");
    await seedDemo(db());
    await db().$disconnect();
  }

  let oidc = {
    issuer: config.oidcIssuer,
    clientId: config.oidcClientId,
    clientSecret: config.oidcClientSecret,
  };
  if (!oidc.issuer) {
    const provider = await startDevOidcProvider({
      port: config.oidcPort,
      appUrl: config.appUrl,
      clientId: config.oidcClientId,
      clientSecret: secrets.oidcClientSecret,
      audience: config.oidcAudience,
      keysFile: path.join(config.dataDir, "oidc-keys.json"),
    });
    cleanups.push(provider.close);
    oidc = { issuer: provider.issuer, clientId: config.oidcClientId, clientSecret: secrets.oidcClientSecret };
    console.log(`Local OpenID provider on ${provider.issuer} (demo accounts: owner@, admin@, member@, outsider@example.com, password "password")`);
  } else if (!oidc.clientSecret || !config.authSecret) {
    throw new Error("With OIDC_ISSUER set, OIDC_CLIENT_SECRET and AUTH_SECRET must be set too.");
  }

  ensureBuild();

  app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(config.port)], {
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      AUTH_URL: config.appUrl,
      AUTH_SECRET: config.authSecret ?? secrets.authSecret,
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: oidc.clientId,
      OIDC_CLIENT_SECRET: oidc.clientSecret,
      OIDC_AUDIENCE: config.oidcAudience,
    },
  });
  app.on("exit", (code) => {
    if (!stopping) {
      console.error(`The app server stopped (exit code ${code}).`);
      void stop(code ?? 1);
    }
  });
  console.log(`API Keys dashboard: ${config.appUrl}/settings/developer/api-keys`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void stop(1);
});
