// `npm run start:app`: one more app instance beside a running `npm start`, e.g.
//   PORT=3001 npm run start:app
// It starts neither a database nor an OpenID provider: it uses DATABASE_URL and OIDC_ISSUER
// when set, otherwise the embedded PostgreSQL and local provider of the `npm start` that uses
// the same DATA_DIR, with the same secrets (Auth.js secret, server-action key), so a browser
// session or an action works on any instance. Rate limits and revocation are shared through
// PostgreSQL, so they stay exact across instances.
import path from "node:path";
import pg from "pg";
import { migrate } from "../lib/db/migrate";
import { appEnv, readConfig } from "./config";
import { embeddedDatabaseUrl } from "./embedded-postgres";
import { loadLocalSecrets } from "./local-secrets";
import { ensureBuild } from "./next-build";
import { run, serveNext } from "./serve-next";

run(async () => {
  const config = readConfig();
  const secrets = await loadLocalSecrets(config.dataDir);
  const databaseUrl =
    config.databaseUrl ??
    embeddedDatabaseUrl({ dir: path.join(config.dataDir, "postgres"), port: config.embeddedPgPort, password: secrets.pgPassword, database: "one" });

  const probe = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  await probe.connect().catch(() => {
    throw new Error(
      config.databaseUrl
        ? "Cannot reach DATABASE_URL."
        : `No database on 127.0.0.1:${config.embeddedPgPort}. Start the first instance with \`npm start\` (same DATA_DIR), or set DATABASE_URL.`,
    );
  });
  await probe.end();

  await migrate(databaseUrl);
  ensureBuild();
  serveNext(config.port, appEnv(config, secrets, databaseUrl, config.oidcIssuer ?? `http://127.0.0.1:${config.oidcPort}`));
  console.log(`App instance on http://localhost:${config.port}`);
});
