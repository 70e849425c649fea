// Ports and folders of the end-to-end run, shared by playwright.config.ts and the tests.
import { tmpdir } from "node:os";
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 9410);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);
/** Recreated empty by e2e/server.ts at every run; tests read its secrets to seed data. */
export const E2E_DATA_DIR = path.join(tmpdir(), `one-e2e-${E2E_PORT}`);
/** The launcher's local mail catcher (scripts/mail-catcher.ts), off the defaults so that `npm start` can run beside. */
export const E2E_MAIL_SMTP_PORT = Number(process.env.E2E_MAIL_SMTP_PORT ?? 1125);
export const E2E_MAIL_WEB_PORT = Number(process.env.E2E_MAIL_WEB_PORT ?? 1180);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_ISSUER = `http://127.0.0.1:${E2E_OIDC_PORT}`;
/** The local stand-in for GitHub's secret scanning keys endpoint (e2e/global-setup.ts). */
export const E2E_GITHUB_KEYS_PORT = Number(process.env.E2E_GITHUB_KEYS_PORT ?? E2E_OIDC_PORT + 1);
export const E2E_GITHUB_KEYS_URL = `http://127.0.0.1:${E2E_GITHUB_KEYS_PORT}/keys/e2e`;
/** The signing key the e2e tests sign GitHub reports with (written by e2e/global-setup.ts). */
export const E2E_GITHUB_KEY_FILE = path.join(tmpdir(), `one-e2e-${E2E_PORT}-github-key.json`);
/** The e2e server's METRICS_TOKEN, which the run's Prometheus presents (e2e/global-setup.ts). */
export const E2E_METRICS_TOKEN = `e2e-metrics-${E2E_PORT}`;
