// `npm run start:app`: one more app instance beside a running `npm start`, e.g.
//   PORT=3001 npm run start:app
// It starts neither a database nor an OpenID provider: it uses DATABASE_URL and OIDC_ISSUER
// when set, otherwise the embedded PostgreSQL and the issuer of the `npm start` that uses the
// same DATA_DIR (as that one wrote them in DATA_DIR/running.json), with the same secrets (Auth.js secret, server-action key), so a browser
// session or an action works on any instance. Rate limits and revocation are shared through
// PostgreSQL, so they stay exact across instances.
import path from "node:path";
import pg from "pg";
import { migrate } from "../lib/db/migrate";
import { appEnv, readConfig } from "./config";
import { embeddedDatabaseUrl } from "./embedded-postgres";
import { loadLocalSecrets } from "./local-secrets";
import { ensureBuild } from "./next-build";
import { readRunningInstance } from "./running-instance";
import { run, serveNext } from "./serve-next";

run(async () => {
  const config = readConfig();
  const secrets = await loadLocalSecrets(config.dataDir);
  // What DATABASE_URL and OIDC_ISSUER do not say comes from the `npm start` of this DATA_DIR.
  const owner = config.databaseUrl && config.oidcIssuer ? null : readRunningInstance(config.dataDir);
  if (!owner && !(config.databaseUrl && config.oidcIssuer)) {
    throw new Error(
      `No \`npm start\` is running with DATA_DIR=${config.dataDir}. Start the first instance with \`npm start\` (same DATA_DIR), or set DATABASE_URL and OIDC_ISSUER.`,
    );
  }
  const embeddedPgPort = owner?.embeddedPgPort ?? config.embeddedPgPort;
  const databaseUrl =
    config.databaseUrl ??
    embeddedDatabaseUrl({
      dir: path.join(config.dataDir, "postgres"),
      port: embeddedPgPort,
      password: secrets.pgPassword,
      database: "one",
    });

  const probe = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  await probe.connect().catch(() => {
    throw new Error(
      config.databaseUrl
        ? "Cannot reach DATABASE_URL."
        : `No database on 127.0.0.1:${embeddedPgPort}. Start the first instance with \`npm start\` (same DATA_DIR), or set DATABASE_URL.`,
    );
  });
  await probe.end();

  await migrate(databaseUrl);
  ensureBuild();
  // Mail goes where SMTP_URL says, else to the first instance's (its local catcher).
  const smtpUrl = config.smtpUrl ?? owner?.smtpUrl ?? undefined;
  serveNext(config.port, appEnv(config, secrets, databaseUrl, config.oidcIssuer ?? owner!.issuer, smtpUrl));
  console.log(`App instance on http://localhost:${config.port}`);
});
