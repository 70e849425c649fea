// One JSON line per API request in the server's output (kept in DATA_DIR/server.log by
// e2e/server.ts): the request id sent back as X-Request-Id (a client's own X-Request-Id is not
// believed without a trusted proxy), method, route template, status, duration, and who called —
// never the secret or token it called with. Requests that fail with 503 are logged too, as errors.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR } from "./env";
import { databaseProcesses, insertAcmeKey, sql, workspaceId } from "./helpers/db";
import { call, userToken } from "./rest/callers";

type LogLine = Record<string, unknown> & { actor?: Record<string, unknown> };

function logLines(): LogLine[] {
  return readFileSync(path.join(E2E_DATA_DIR, "server.log"), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

/** The request's line, once the server's output has reached the log file. */
async function lineOf(requestId: string): Promise<LogLine> {
  let found: LogLine | undefined;
  await expect
    .poll(() => (found = logLines().find((line) => line.requestId === requestId && line.msg !== undefined && "status" in line)))
    .toBeTruthy();
  return found!;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("an API-key request is logged as one JSON line with its request id, route template, status, duration and key id", async () => {
  const key = await insertAcmeKey("logs-e2e");
  const acme = await workspaceId("acme");
  const response = await call("GET", `/workspaces/${acme}/tasks`, key.secret, undefined, { "X-Request-Id": "chosen-by-the-client" });
  expect(response.status).toBe(200);
  const requestId = response.headers.get("x-request-id")!;
  expect(requestId, "a client's own id is not echoed without a trusted proxy").toMatch(UUID);

  const line = await lineOf(requestId);
  expect(line).toMatchObject({
    level: 30,
    msg: "request",
    method: "GET",
    route: "/api/v1/workspaces/[workspaceId]/tasks",
    status: 200,
    actor: { kind: "apiKey", keyId: key.id },
  });
  expect(new Date(line.time as string).toISOString()).toBe(line.time);
  expect(line.durationMs).toEqual(expect.any(Number));
  const text = JSON.stringify(line);
  expect(text).not.toContain(key.secret);
  expect(text).not.toContain(acme);
  expect(text.toLowerCase()).not.toContain("authorization");
});

test("a request with an OAuth token is logged with the user's id, never the token; an unsafe request id is replaced", async () => {
  const token = await userToken("member@example.com");
  const [member] = await sql<{ id: string }>(`SELECT id FROM users WHERE email = 'member@example.com'`);
  const sent = "x".repeat(65);
  const response = await call("GET", "/workspaces", token, undefined, { "X-Request-Id": sent });
  expect(response.status).toBe(200);
  const requestId = response.headers.get("x-request-id")!;
  expect(requestId).toMatch(UUID);
  const line = await lineOf(requestId);
  expect(line).toMatchObject({ route: "/api/v1/workspaces", status: 200, actor: { kind: "user", userId: member!.id, via: "oauth" } });
  expect(JSON.stringify(line)).not.toContain(token);

  const unknown = await call("GET", "/workspaces", "one_not-a-real-key", undefined, { "X-Request-Id": "a b" });
  expect(unknown.status).toBe(401);
  const refused = await lineOf(unknown.headers.get("x-request-id")!);
  expect(refused).toMatchObject({ status: 401, actor: { kind: "anonymous" } });
});

test("a request that fails with 503 while the database hangs is logged as an error", async () => {
  test.setTimeout(60_000);
  const key = await insertAcmeKey("logs-e2e-outage");
  const acme = await workspaceId("acme");
  const pids = databaseProcesses();
  let response: Awaited<ReturnType<typeof call>>;
  try {
    for (const pid of pids) process.kill(pid, "SIGSTOP");
    response = await call("GET", `/workspaces/${acme}/tasks`, key.secret);
  } finally {
    for (const pid of pids) process.kill(pid, "SIGCONT");
  }
  expect(response.status).toBe(503);
  const line = await lineOf(response.headers.get("x-request-id")!);
  expect(line).toMatchObject({ level: 50, msg: "request failed", status: 503, route: "/api/v1/workspaces/[workspaceId]/tasks" });
  expect(JSON.stringify(line)).not.toContain(key.secret);
});
