// Operations: the metrics endpoint's token (lib/metrics/endpoint.ts), the one registry per
// process that API-key authentication counts into (lib/metrics/registry.ts), request ids
// (lib/log/request-id.ts) and route templates (lib/http/route-template.ts).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { generateSecret } from "@/lib/api-keys/secret";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { routeTemplate } from "@/lib/http/route-template";
import { requestIdOf } from "@/lib/log/request-id";
import { metricsResponse, presentsToken } from "@/lib/metrics/endpoint";
import { API_KEY_OUTCOMES, metrics } from "@/lib/metrics/registry";
import { createWorkspace } from "./fixtures";

const TOKEN = "metrics-token-for-tests";

async function outcomeCounts(): Promise<Record<string, number>> {
  const { values } = await metrics().apiKeyRequests.get();
  return Object.fromEntries(values.map((value) => [value.labels.outcome, value.value]));
}

describe("GET /api/metrics", () => {
  it("does not exist without METRICS_TOKEN", async () => {
    for (const token of [undefined, ""]) {
      const response = await metricsResponse(`Bearer ${TOKEN}`, token);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("one_");
    }
  });

  it.each([
    ["no Authorization header", null],
    ["a wrong token", "Bearer not-the-token"],
    ["the token with a suffix", `Bearer ${TOKEN}x`],
    ["a prefix of the token", `Bearer ${TOKEN.slice(0, -1)}`],
    ["another scheme", `Basic ${TOKEN}`],
    ["an empty bearer", "Bearer "],
  ])("refuses %s with 401 and no data", async (_name, authorization) => {
    const response = await metricsResponse(authorization, TOKEN);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(await response.text()).not.toContain("one_");
  });

  it("serves every API-key outcome from the start, at 0, in Prometheus's text format", async () => {
    const response = await metricsResponse(`Bearer ${TOKEN}`, TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const outcome of API_KEY_OUTCOMES)
      expect(text).toMatch(new RegExp(`^one_api_key_requests_total\\{outcome="${outcome}"\\} \\d+$`, "m"));
    for (const name of [
      "one_http_request_duration_seconds",
      "one_db_pool_connections",
      "one_db_pool_waiting",
      "one_db_statement_timeouts_total",
      "one_usage_flush_lag_seconds",
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it("accepts the bearer scheme in any case", () => {
    expect(presentsToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(presentsToken(`Bearer  ${TOKEN} `, TOKEN)).toBe(true);
  });
});

describe("the registry", () => {
  let ws: Awaited<ReturnType<typeof createWorkspace>>;
  beforeAll(async () => {
    ws = await createWorkspace();
  });

  it("is one per process, whichever copy of the module asks (Next.js bundles routes separately)", async () => {
    const first = metrics();
    vi.resetModules();
    const again = await import("@/lib/metrics/registry");
    expect(again.metrics()).toBe(first);
  });

  it("counts each authentication outcome", async () => {
    const key = await createApiKey(ws.owner, { description: "metrics" });
    const gone = await createApiKey(ws.owner, { description: "metrics-revoked" });
    await revokeApiKey(ws.owner, { keyId: gone.id });
    const client = { ip: "192.0.2.50", userAgent: "vitest/1" };
    const before = await outcomeCounts();
    await authenticateApiKey(key.secret, client);
    await authenticateApiKey(gone.secret, client);
    await authenticateApiKey(generateSecret(), client);
    await authenticateApiKey("one_malformed", client);
    const after = await outcomeCounts();
    const delta = Object.fromEntries(API_KEY_OUTCOMES.map((outcome) => [outcome, after[outcome]! - before[outcome]!]));
    expect(delta).toEqual({ ok: 1, rate_limited: 0, denied: 1, unknown: 2, forbidden: 0, blocked_network: 0 });
  });
});

describe("request ids", () => {
  const savedTrustProxy = process.env.TRUST_PROXY;
  afterEach(() => {
    process.env.TRUST_PROXY = savedTrustProxy;
  });
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const headers = (requestId: string | null, socket = "10.0.0.2") =>
    new Headers({ [CLIENT_ADDRESS_HEADER]: socket, ...(requestId === null ? {} : { "x-request-id": requestId }) });

  it("takes a safe id from a trusted proxy", () => {
    process.env.TRUST_PROXY = "10.0.0.0/8";
    expect(requestIdOf(headers("req-7f3a.b_2:9"))).toBe("req-7f3a.b_2:9");
    process.env.TRUST_PROXY = "1";
    expect(requestIdOf(headers("0f8fad5b-d9cb-469f-a165-70867728950e"))).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
  });

  it.each([
    ["without TRUST_PROXY", undefined, "req-1", "10.0.0.2"],
    ["from a connection that is not a trusted proxy", "192.168.0.0/16", "req-1", "10.0.0.2"],
    ["without the socket address", "10.0.0.0/8", "req-1", ""],
    ["too long", "10.0.0.0/8", "x".repeat(65), "10.0.0.2"],
    ["empty", "10.0.0.0/8", "", "10.0.0.2"],
    ["with spaces", "10.0.0.0/8", "a b", "10.0.0.2"],
    ["with markup", "10.0.0.0/8", "<script>", "10.0.0.2"],
    ["with a JSON quote", "10.0.0.0/8", 'a"b', "10.0.0.2"],
    ["with non-ASCII letters", "10.0.0.0/8", "réq", "10.0.0.2"],
  ])("replaces one %s with a new random id", (_name, trust, given, socket) => {
    process.env.TRUST_PROXY = trust ?? "";
    const id = requestIdOf(headers(given, socket));
    expect(id).toMatch(UUID);
    expect(id).not.toBe(given);
  });

  it("makes a new one when none is given", () => {
    process.env.TRUST_PROXY = "10.0.0.0/8";
    const first = requestIdOf(headers(null));
    expect(first).toMatch(UUID);
    expect(requestIdOf(headers(null))).not.toBe(first);
  });
});

describe("route templates", () => {
  it.each([
    ["/api/v1/workspaces", {}, "/api/v1/workspaces"],
    ["/api/v1/workspaces/current", { workspaceId: "current" }, "/api/v1/workspaces/[workspaceId]"],
    [
      "/api/v1/workspaces/ws_1/api-keys/key_2/roll",
      { workspaceId: "ws_1", keyId: "key_2" },
      "/api/v1/workspaces/[workspaceId]/api-keys/[keyId]/roll",
    ],
    ["/api/v1/workspaces/api/tasks/v1", { workspaceId: "api", taskId: "v1" }, "/api/v1/workspaces/[workspaceId]/tasks/[taskId]"],
    [
      "/api/v1/workspaces/ws_1/agent/a/b/c",
      { workspaceId: "ws_1", path: ["a", "b", "c"] },
      "/api/v1/workspaces/[workspaceId]/agent/[...path]",
    ],
    ["/api/v1/no/such/thing", { path: ["no", "such", "thing"] }, "/api/v1/[...path]"],
    ["/api/v1/workspaces/a%20b/tasks", { workspaceId: "a b" }, "/api/v1/workspaces/[workspaceId]/tasks"],
  ])("%s → its template", (pathname, params, expected) => {
    expect(routeTemplate(pathname, params)).toBe(expected);
  });
});
