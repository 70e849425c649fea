// Odd URLs are answered like any other bad request: ids that cannot be ids never reach SQL
// (a NUL byte once made PostgreSQL log an error per request and answer 500), and a path with a
// malformed percent-escape gets the API's JSON 400 instead of the framework's plain-text 500.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATA_DIR } from "../env";
import { insertAcmeKey } from "../helpers/db";
import { call, userToken } from "./callers";

const tokens: Record<"none" | "owner" | "key", string | undefined> = { none: undefined, owner: undefined, key: undefined };
const serverLog = () => readFileSync(path.join(E2E_DATA_DIR, "server.log"), "utf8");
/** What the server logged while `run` ran: database errors and failed requests must not be in it. */
async function loggedDuring<T>(run: () => Promise<T>): Promise<{ result: T; problems: string[] }> {
  const before = serverLog().length;
  const result = await run();
  await new Promise((resolve) => setTimeout(resolve, 150)); // the server's output reaches the file through a pipe
  return {
    result,
    problems:
      serverLog()
        .slice(before)
        .match(/invalid byte sequence|22021|PrismaClient|DriverAdapterError|request failed/g) ?? [],
  };
}

test.beforeAll(async () => {
  tokens.owner = await userToken("owner@example.com");
  tokens.key = (await insertAcmeKey("odd-urls")).secret;
});

const CASES: Array<[string, string, string, keyof typeof tokens, number]> = [
  // name, method, path under /api/v1, caller, expected status
  ["workspace id NUL, user", "GET", "/workspaces/%00/tasks", "owner", 404],
  ["workspace id NUL, key", "GET", "/workspaces/%00/tasks", "key", 404],
  ["workspace id NUL on keys", "GET", "/workspaces/%00/api-keys", "owner", 404],
  ["workspace id NUL on a key", "DELETE", "/workspaces/%00/api-keys/abc", "owner", 404],
  ["workspace id NUL on agent paths", "GET", "/workspaces/%00/agent/activity", "owner", 404],
  ["workspace id with a newline", "GET", "/workspaces/ws%0Aid/tasks", "owner", 404],
  ["workspace id of 10 000 characters", "GET", `/workspaces/${"w".repeat(10_000)}/tasks`, "owner", 404],
  ["workspace id of emoji", "GET", "/workspaces/%F0%9F%92%A5/tasks", "owner", 404],
  ["task id NUL", "PATCH", "/workspaces/current/tasks/%00", "key", 404],
  ["activity cursor NUL", "GET", "/workspaces/current/agent/activity?cursor=%00", "owner", 400],
  ["activity cursor of 1 000 characters", "GET", `/workspaces/current/agent/activity?cursor=${"c".repeat(1000)}`, "owner", 400],
  ["%FF in the workspace id", "GET", "/workspaces/%FF/tasks", "owner", 400],
  ["%FF, no credentials", "GET", "/workspaces/%FF/tasks", "none", 400],
  ["overlong UTF-8 %C0%AF", "GET", "/workspaces/current/tasks/%C0%AF", "key", 400],
  ["truncated escape at the end", "GET", "/workspaces/current/tasks/%E", "owner", 400],
  ["lone % sign", "DELETE", "/workspaces/current/api-keys/%", "owner", 400],
  ["truncated escape in an unknown path", "GET", "/%E0%A4", "none", 400],
  ["surrogate half %ED%A0%80", "POST", "/workspaces/%ED%A0%80/tasks", "owner", 400],
];

for (const [name, method, urlPath, caller, expected] of CASES) {
  test(`${name} → ${expected}`, async () => {
    const { result: response, problems } = await loggedDuring(() =>
      call(method, urlPath, tokens[caller], method === "POST" || method === "PATCH" ? { title: "x" } : undefined),
    );
    expect({
      status: response.status,
      json: response.headers.get("content-type"),
      code: response.body.code,
      message: typeof response.body.message,
      logged: problems,
    }).toEqual({ status: expected, json: "application/json; charset=utf-8", code: expected, message: "string", logged: [] });
  });
}

test("a page path with a malformed escape is a 400 too", async () => {
  const response = await fetch(`${E2E_BASE_URL}/settings/%FF`);
  expect(response.status).toBe(400);
});
