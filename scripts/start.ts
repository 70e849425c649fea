// `npm start`: everything the app needs, in one command.
// Without DATABASE_URL it starts the embedded PostgreSQL under DATA_DIR; without OIDC_ISSUER
// it starts the local OpenID provider; without SMTP_URL, the local mail catcher (SMTP on
// 127.0.0.1:MAIL_SMTP_PORT, an inbox on http://localhost:MAIL_WEB_PORT). Then it applies migrations, seeds the demo workspace,
// builds if needed and serves the app. Ctrl-C stops all of it.
// `npm run dev` (`--dev`): the same, but Next's development server (hot reload) instead of a
// build, for contributors' edit loop.
import path from "node:path";
import { migrate } from "../lib/db/migrate";
import { appEnv, readConfig } from "./config";
import { startDevOidcProvider } from "./dev-oidc/provider";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { startMailCatcher } from "./mail-catcher";
import { loadLocalSecrets } from "./local-secrets";
import { ensureBuild } from "./next-build";
import { announceInstance } from "./running-instance";
import { onStop, run, serveNext } from "./serve-next";

const dev = process.argv.includes("--dev");

run(async () => {
  const config = readConfig();
  const secrets = await loadLocalSecrets(config.dataDir);

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const database = await startEmbeddedPostgres({
      dir: path.join(config.dataDir, "postgres"),
      port: config.embeddedPgPort,
      password: secrets.pgPassword,
      database: "one",
    });
    onStop(database.stop);
    databaseUrl = database.url;
    console.log(
      `Embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort} (data in ${path.relative(process.cwd(), config.dataDir) || "."}/postgres)`,
    );
  }

  const applied = await migrate(databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (config.seedDemo) {
    process.env.DATABASE_URL = databaseUrl;
    const { db } = await import("../lib/db/client");
    const { seedDemo } = await import("../prisma/seed");
    await seedDemo(db());
    await db().$disconnect();
  }

  let issuer = config.oidcIssuer;
  if (!issuer) {
    const provider = await startDevOidcProvider({
      port: config.oidcPort,
      appUrl: config.appUrl,
      clientId: config.oidcClientId,
      clientSecret: secrets.oidcClientSecret,
      audience: config.oidcAudience,
      keysFile: path.join(config.dataDir, "oidc-keys.json"),
    });
    onStop(provider.close);
    issuer = provider.issuer;
    console.log(`Local OpenID provider on ${issuer} (demo accounts: owner@, admin@, member@, outsider@example.com, password "password")`);
  }

  let smtpUrl = config.smtpUrl;
  if (!smtpUrl) {
    const catcher = await startMailCatcher({ smtpPort: config.mailSmtpPort, webPort: config.mailWebPort });
    onStop(catcher.close);
    smtpUrl = catcher.smtpUrl;
    console.log(`Local mail catcher: SMTP on 127.0.0.1:${config.mailSmtpPort}; read the app's e-mail at ${catcher.inboxUrl}`);
  }

  onStop(announceInstance(config.dataDir, { issuer, embeddedPgPort: config.databaseUrl ? null : config.embeddedPgPort, smtpUrl }));

  if (!dev) ensureBuild();
  serveNext(config.port, appEnv(config, secrets, databaseUrl, issuer, smtpUrl), { dev });
  console.log(`API Keys dashboard: ${config.appUrl}/settings/developer/api-keys`);
});
