// Before the suite:
// - a local stand-in for GitHub's secret scanning keys endpoint, on a fixed port the e2e server
//   is configured with (SECRET_SCANNING_GITHUB_KEYS_URL in playwright.config.ts). It publishes the
//   public half of a P-256 key pair made for this run; the private half goes to a file (readable
//   by this user only) for the tests that sign reports as GitHub would;
// - a real Prometheus scraping the e2e app's /api/metrics with the run's METRICS_TOKEN, on a free
//   port that the tests find in E2E_PROMETHEUS_URL (e2e/metrics.spec.ts).
import { writeFileSync } from "node:fs";
import { E2E_GITHUB_KEY_FILE, E2E_GITHUB_KEYS_PORT, E2E_METRICS_TOKEN, E2E_PORT } from "./env";
import { KeysEndpoint, newSigningKey } from "./helpers/github-scanning";
import { startPrometheus } from "./helpers/prometheus";

export default async function globalSetup() {
  const key = newSigningKey();
  const privateKeyPem = key.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  writeFileSync(E2E_GITHUB_KEY_FILE, JSON.stringify({ identifier: key.identifier, privateKeyPem, publicKeyPem: key.publicKeyPem }), {
    mode: 0o600,
  });
  const endpoint = await new KeysEndpoint().start(E2E_GITHUB_KEYS_PORT);
  endpoint.publish("e2e", [key]);
  const prometheus = await startPrometheus(`127.0.0.1:${E2E_PORT}`, E2E_METRICS_TOKEN).catch(async (error) => {
    await endpoint.stop();
    throw error;
  });
  process.env.E2E_PROMETHEUS_URL = prometheus.url;
  return async () => {
    await Promise.all([endpoint.stop(), prometheus.stop()]);
  };
}
