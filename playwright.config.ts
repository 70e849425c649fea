// End-to-end tests in real Chromium against the real app: `e2e/server.ts` runs the same
// launcher as `npm start` (embedded PostgreSQL, local OpenID provider, Next.js) on its own
// ports with a fresh data folder under the system's temp folder, so tests never touch the developer's .data/.
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./scripts/chromium";
import {
  E2E_BASE_URL,
  E2E_DATA_DIR,
  E2E_GITHUB_KEYS_URL,
  E2E_MAIL_SMTP_PORT,
  E2E_MAIL_WEB_PORT,
  E2E_METRICS_TOKEN,
  E2E_OIDC_PORT,
  E2E_PG_PORT,
  E2E_PORT,
} from "./e2e/env";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
      },
    },
  ],
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  webServer: {
    command: "npx tsx e2e/server.ts",
    url: `${E2E_BASE_URL}/signed-out`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(E2E_PORT),
      OIDC_PORT: String(E2E_OIDC_PORT),
      EMBEDDED_PG_PORT: String(E2E_PG_PORT),
      MAIL_SMTP_PORT: String(E2E_MAIL_SMTP_PORT),
      MAIL_WEB_PORT: String(E2E_MAIL_WEB_PORT),
      DATA_DIR: E2E_DATA_DIR,
      // The matrix sends many unknown keys from one address on purpose; the throttle itself is
      // tested with its default-like limit in e2e/instances.spec.ts.
      FAILED_AUTH_LIMIT: "100000",
      // GitHub's secret scanning keys come from a local endpoint the tests control (e2e/global-setup.ts);
      // the revocation budget's window is shortened so its test can see one end (the limit stays 60).
      SECRET_SCANNING_GITHUB_KEYS_URL: E2E_GITHUB_KEYS_URL,
      REVOCATIONS_WINDOW_SECONDS: "15",
      // The run's Prometheus scrapes /api/metrics with it (e2e/global-setup.ts); JSON logs for the log tests.
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      LOG_FORMAT: "json",
      // Webhook receivers in the tests listen on loopback (e2e/helpers/webhook-receiver.ts): allowed
      // here, as an operator would list an internal network; every other refused range stays refused.
      WEBHOOK_ALLOWED_NETWORKS: "127.0.0.1/32",
    },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
