// GET /api/metrics behind METRICS_TOKEN, and a real Prometheus (e2e/global-setup.ts) that scrapes
// it: after a few API-key requests of each outcome, Prometheus's own HTTP API has the counts,
// the request durations by route template, and the database pool — and no label anywhere
// carries a key id, a secret, an address or a user.
import { expect, test } from "@playwright/test";
import { generateSecret } from "../lib/api-keys/secret";
import { E2E_BASE_URL, E2E_METRICS_TOKEN } from "./env";
import { sql } from "./helpers/db";
import { insertKey } from "./helpers/keys";
import { query } from "./helpers/prometheus";
import { call } from "./rest/callers";

const OUTCOMES = ["ok", "rate_limited", "denied", "unknown", "forbidden", "blocked_network"];
const METRICS = `${E2E_BASE_URL}/api/metrics`;

test("the metrics endpoint answers only its bearer token", async () => {
  for (const authorization of [undefined, "Bearer wrong-token", `Basic ${E2E_METRICS_TOKEN}`, `Bearer ${E2E_METRICS_TOKEN}x`]) {
    const response = await fetch(METRICS, { headers: authorization ? { Authorization: authorization } : {} });
    expect(response.status, authorization ?? "no header").toBe(401);
    const text = await response.text();
    expect(text).not.toContain("one_api_key_requests_total");
  }
  const response = await fetch(METRICS, { headers: { Authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  const text = await response.text();
  for (const outcome of OUTCOMES) expect(text).toMatch(new RegExp(`^one_api_key_requests_total\\{outcome="${outcome}"\\} \\d+$`, "m"));
  expect(text).toContain("# TYPE one_http_request_duration_seconds histogram");
});

async function outcomes(prometheus: string): Promise<Record<string, number>> {
  const samples = await query(prometheus, 'one_api_key_requests_total{job="one"}');
  return Object.fromEntries(samples.map((sample) => [sample.metric.outcome!, Number(sample.value[1])]));
}

test("Prometheus scrapes API-key outcomes, request durations and the database pool", async () => {
  const prometheus = process.env.E2E_PROMETHEUS_URL!;
  expect(prometheus, "started by e2e/global-setup.ts").toBeTruthy();
  await expect.poll(async () => (await query(prometheus, 'up{job="one"}'))[0]?.value[1], { timeout: 15_000 }).toBe("1");
  await expect.poll(async () => Object.keys(await outcomes(prometheus)).sort(), { timeout: 15_000 }).toEqual([...OUTCOMES].sort());
  const before = await outcomes(prometheus);

  // A workspace of its own with a burst of 3, so the 4th request is over the limit.
  const [workspace] = await sql<{ id: string }>(
    `INSERT INTO workspaces (id, name, slug, rate_limit_burst) VALUES ($1, 'Metrics', $1, 3) RETURNING id`,
    [`metrics-${Date.now()}`],
  );
  const key = await insertKey(sql, workspace!.id, "metrics-e2e");
  const revoked = await insertKey(sql, workspace!.id, "metrics-e2e-revoked");
  await sql(`UPDATE api_keys SET revoked_at = now() WHERE id = $1`, [revoked.id]);

  const tasks = `/workspaces/${workspace!.id}/tasks`;
  for (let i = 0; i < 3; i++) expect((await call("GET", tasks, key.secret)).status).toBe(200);
  expect((await call("GET", tasks, key.secret)).status).toBe(429);
  expect((await call("GET", tasks, revoked.secret)).status).toBe(401);
  expect((await call("GET", tasks, generateSecret())).status).toBe(401);
  expect((await call("GET", tasks, "one_malformed")).status).toBe(401);

  const expected = { ok: 3, rate_limited: 1, denied: 1, unknown: 2, forbidden: 0, blocked_network: 0 };
  await expect
    .poll(
      async () => {
        const now = await outcomes(prometheus);
        return Object.fromEntries(OUTCOMES.map((outcome) => [outcome, (now[outcome] ?? 0) - (before[outcome] ?? 0)]));
      },
      { timeout: 20_000 },
    )
    .toEqual(expected);

  // Durations by route template and status: the ids are not in the labels.
  const route = "/api/v1/workspaces/[workspaceId]/tasks";
  const durations = await query(prometheus, `one_http_request_duration_seconds_count{route="${route}",method="GET"}`);
  expect(durations.map((sample) => sample.metric.status).sort()).toEqual(expect.arrayContaining(["200", "401", "429"]));
  const buckets = await query(prometheus, `one_http_request_duration_seconds_bucket{route="${route}",status="200",le="+Inf"}`);
  expect(Number(buckets[0]!.value[1])).toBeGreaterThanOrEqual(3);

  // The database pool and the statement timeouts, the usage-flush lag.
  const pool = await query(prometheus, "one_db_pool_connections");
  expect(pool.map((sample) => sample.metric.state).sort()).toEqual(["idle", "in_use"]);
  expect(await query(prometheus, "one_db_pool_waiting")).toHaveLength(1);
  expect((await query(prometheus, "one_db_statement_timeouts_total")).map((sample) => sample.metric.side).sort()).toEqual([
    "client",
    "server",
  ]);
  expect(await query(prometheus, "one_usage_flush_lag_seconds")).toHaveLength(1);

  // No label value of any of our series names a key, a secret, a workspace, an address or a user
  // (`instance` and `job` are Prometheus's own: where it scraped).
  const series = await query(prometheus, '{__name__=~"one_.+"}');
  const labelValues = series.flatMap(({ metric }) =>
    Object.entries(metric)
      .filter(([label]) => label !== "instance" && label !== "job")
      .map(([, value]) => value),
  );
  expect(labelValues.length).toBeGreaterThan(10);
  const users = await sql<{ id: string; email: string }>(`SELECT id, email FROM users`);
  const forbidden = [key.id, key.secret, revoked.id, workspace!.id, "127.0.0.1", "::1", ...users.flatMap((user) => [user.id, user.email])];
  expect(labelValues.filter((value) => forbidden.some((word) => value.includes(word)))).toEqual([]);
});
