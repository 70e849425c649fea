// The process's Prometheus metrics (prom-client), served by GET /api/metrics (lib/metrics/endpoint.ts).
// ONE registry per process, kept on globalThis: Next.js bundles each route on its own, and a
// module-level registry would give the metrics route a different copy from the API routes'.
// Labels are bounded sets (an outcome, a route template, a method, a status): never a key id,
// secret, token, address or user.
import client from "prom-client";
import { poolStats } from "@/lib/db/pool";
import { usageFlushLagSeconds } from "@/lib/usage/counter";

/** Outcomes of an API-key request (DESIGN's usage outcomes, in snake case); each series exists from the start at 0. */
export const API_KEY_OUTCOMES = ["ok", "rate_limited", "denied", "unknown", "forbidden", "blocked_network"] as const;
export type ApiKeyOutcome = (typeof API_KEY_OUTCOMES)[number];

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });

  const apiKeyRequests = new client.Counter({
    name: "one_api_key_requests_total",
    help: "Requests that presented an API key, by outcome: ok, rate_limited, denied (revoked, expired or retired), unknown (malformed or no such secret), forbidden, blocked_network.",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  for (const outcome of API_KEY_OUTCOMES) apiKeyRequests.inc({ outcome }, 0);

  const httpRequestDuration = new client.Histogram({
    name: "one_http_request_duration_seconds",
    help: "Time to answer an API request, by route template, method and status.",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  new client.Gauge({
    name: "one_db_pool_connections",
    help: "Connections of this process's PostgreSQL pool, by state (in_use, idle).",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = poolStats();
      this.set({ state: "in_use" }, stats.inUse);
      this.set({ state: "idle" }, stats.idle);
    },
  });
  new client.Gauge({
    name: "one_db_pool_waiting",
    help: "Queries waiting for a free connection of this process's pool.",
    registers: [registry],
    collect() {
      this.set(poolStats().waiting);
    },
  });
  new client.Gauge({
    name: "one_db_pool_max_connections",
    help: "Size of this process's pool (DATABASE_POOL_SIZE).",
    registers: [registry],
    collect() {
      this.set(poolStats().max);
    },
  });
  new client.Counter({
    name: "one_db_statement_timeouts_total",
    help: "Statements that hit DATABASE_STATEMENT_TIMEOUT_MS: cancelled by PostgreSQL (side=server), or given up by the app when PostgreSQL did not answer (side=client).",
    labelNames: ["side"] as const,
    registers: [registry],
    collect() {
      const { timeouts } = poolStats();
      this.reset();
      this.inc({ side: "server" }, timeouts.server);
      this.inc({ side: "client" }, timeouts.client);
    },
  });
  new client.Gauge({
    name: "one_usage_flush_lag_seconds",
    help: "Age of the oldest API-key usage count held in memory and not yet written to PostgreSQL (0 when none is waiting; flushed every 5 s).",
    registers: [registry],
    collect() {
      this.set(usageFlushLagSeconds());
    },
  });

  return { registry, apiKeyRequests, httpRequestDuration };
}

type Metrics = ReturnType<typeof createMetrics>;
const globalForMetrics = globalThis as unknown as { oneMetrics?: Metrics };

export function metrics(): Metrics {
  return (globalForMetrics.oneMetrics ??= createMetrics());
}

/** Counts one API-key request's outcome (the hot path: no I/O). */
export function countApiKeyOutcome(outcome: ApiKeyOutcome): void {
  metrics().apiKeyRequests.inc({ outcome });
}
