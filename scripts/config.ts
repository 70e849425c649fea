// Every setting of the launcher, read once from the environment with its default.
// The README's configuration table lists the same variables.
import path from "node:path";
import { parseTrustProxy } from "../lib/auth/client-address";
import { logLevel } from "../lib/log/logger";
import { checkSmtpUrl } from "../lib/mail/config";
import { allowedNetworks, retrySchedule } from "../lib/webhooks/config";
import { logFormat } from "./log-format";
import type { LocalSecrets } from "./local-secrets";
import type { AppEnv } from "./serve-next";

const env = process.env;
const int = (name: string, fallback: number) => {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
};

export function readConfig() {
  parseTrustProxy(env.TRUST_PROXY); // refuse a bad TRUST_PROXY now, not on every request
  int("DATABASE_STATEMENT_TIMEOUT_MS", 3_000);
  logLevel(); // and LOG_LEVEL and LOG_FORMAT
  logFormat();
  allowedNetworks(); // and WEBHOOK_RETRY_SCHEDULE: refused at start, not at the first delivery
  retrySchedule();
  const port = int("PORT", 3000);
  const oidcPort = int("OIDC_PORT", 9400);
  return {
    port,
    appUrl: env.AUTH_URL ?? env.APP_URL ?? `http://localhost:${port}`,
    dataDir: path.resolve(env.DATA_DIR ?? ".data"),
    /** Set → external PostgreSQL; unset → the embedded one under DATA_DIR. */
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPgPort: int("EMBEDDED_PG_PORT", 54329),
    /** Seed the demo workspace. Default: yes with the embedded database, no with an external one. */
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === "1" || env.SEED_DEMO === "true" : !env.DATABASE_URL,
    /** Set → external OpenID provider; unset → the local one on OIDC_PORT. */
    oidcIssuer: env.OIDC_ISSUER || undefined,
    oidcPort,
    oidcClientId: env.OIDC_CLIENT_ID || "one-dashboard",
    oidcClientSecret: env.OIDC_CLIENT_SECRET || undefined,
    oidcAudience: env.OIDC_AUDIENCE || "urn:one:api",
    authSecret: env.AUTH_SECRET || undefined,
    /** Set → mail goes to that server; unset → the local mail catcher (scripts/mail-catcher.ts). Checked now, naming the setting. */
    smtpUrl: env.SMTP_URL ? checkSmtpUrl(env.SMTP_URL) : undefined,
    mailSmtpPort: int("MAIL_SMTP_PORT", 1025),
    mailWebPort: int("MAIL_WEB_PORT", 1080),
  };
}

export type LauncherConfig = ReturnType<typeof readConfig>;

/**
 * What the app process is given. Values set in the environment win; the local secrets fill
 * in for the embedded setup. With an external OpenID provider, its client secret and an
 * AUTH_SECRET must be set explicitly.
 */
export function appEnv(
  config: LauncherConfig,
  secrets: LocalSecrets,
  databaseUrl: string,
  issuer: string,
  smtpUrl: string | undefined,
): AppEnv {
  const external = !!config.oidcIssuer;
  if (external && (!config.oidcClientSecret || !config.authSecret)) {
    throw new Error("With OIDC_ISSUER set, OIDC_CLIENT_SECRET and AUTH_SECRET must be set too.");
  }
  return {
    DATABASE_URL: databaseUrl,
    AUTH_URL: config.appUrl,
    AUTH_SECRET: config.authSecret ?? secrets.authSecret,
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: config.oidcClientId,
    OIDC_CLIENT_SECRET: config.oidcClientSecret ?? secrets.oidcClientSecret,
    OIDC_AUDIENCE: config.oidcAudience,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || secrets.serverActionsKey,
    ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
  };
}
