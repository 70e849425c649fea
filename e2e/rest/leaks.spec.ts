// Leaked keys over HTTP against the real app: GitHub's secret scanning reports signed with the
// run's key (published by the local keys endpoint of e2e/global-setup.ts, fetched and verified by
// the app), and the public revocation endpoint: the same answer whatever matched, and its budget
// per address. Keys live in a workspace of their own (no demo account sees its alert).
import { expect, test } from "@playwright/test";
import { generateSecret } from "../../lib/api-keys/secret";
import { sql } from "../helpers/db";
import { e2eSigningKey, githubHeaders, githubReport, newSigningKey } from "../helpers/github-scanning";
import { API, call, createOtherWorkspaceKey } from "./callers";

const tasksWith = (secret: string, workspaceId: string) => call("GET", `/workspaces/${workspaceId}/tasks`, secret);

async function reportToGithubEndpoint(body: string, headers: Record<string, string>) {
  const response = await fetch(`${API}/secret-scanning/github`, { method: "POST", headers, body });
  return { status: response.status, body: (await response.json()) as unknown };
}

test("a signed GitHub report revokes the reported key at once, answers GitHub's feedback and is in the audit log", async () => {
  const { workspaceId, secret } = await createOtherWorkspaceKey();
  const unknown = generateSecret();
  const body = githubReport([secret, unknown], "https://github.com/octo-org/octo-repo/blob/1a2b3c/deploy.sh");
  const answer = await reportToGithubEndpoint(body, githubHeaders(e2eSigningKey(), body));
  const after = await tasksWith(secret, workspaceId);
  const events = await sql<{ action: string; actor_type: string; actor_name: string | null }>(
    `SELECT action, actor_type, actor_name FROM audit_events WHERE workspace_id = $1 AND action IN ('api_key.exposed', 'api_key.revoked') ORDER BY created_at, id`,
    [workspaceId],
  );
  expect({
    status: answer.status,
    labels: (answer.body as { label: string; token_type: string }[]).map((f) => `${f.token_type}:${f.label}`),
    after: [after.status, after.body.message],
    events: events.map((e) => [e.action, e.actor_type, e.actor_name]),
  }).toEqual({
    status: 200,
    labels: ["one_api_key:true_positive", "one_api_key:false_positive"],
    after: [401, "This API key was revoked. Ask a workspace owner or admin for a new one."],
    events: [
      ["api_key.exposed", "system", "GitHub secret scanning"],
      ["api_key.revoked", "system", "GitHub secret scanning"],
    ],
  });
});

test("a report signed by a key GitHub does not publish gets 401 and the key keeps working", async () => {
  const { workspaceId, secret } = await createOtherWorkspaceKey();
  const body = githubReport([secret]);
  const forged = await reportToGithubEndpoint(body, githubHeaders(newSigningKey(), body));
  const unsigned = await reportToGithubEndpoint(body, { "Content-Type": "application/json" });
  expect({ statuses: [forged.status, unsigned.status], key: (await tasksWith(secret, workspaceId)).status }).toEqual({
    statuses: [401, 401],
    key: 200,
  });
});

test("POST /revocations answers the same whatever matched, and the matched key stops working", async () => {
  const { workspaceId, secret } = await createOtherWorkspaceKey();
  const answers = [];
  for (const tokens of [
    [secret, generateSecret()],
    [generateSecret(), generateSecret()],
    ["one_malformed", "not a key"],
  ]) {
    const response = await fetch(`${API}/revocations`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ tokens }),
    });
    answers.push({
      status: response.status,
      body: await response.text(),
      headers: ["content-type", "cache-control", "retry-after"].map((name) => response.headers.get(name)),
    });
  }
  const same = { status: 202, body: '{"received":2}', headers: ["application/json; charset=utf-8", "no-store", null] };
  expect({ answers, key: (await tasksWith(secret, workspaceId)).status }).toEqual({ answers: [same, same, same], key: 401 });
});

test("POST /revocations refuses bad bodies with 415, 413 and 400", async () => {
  const post = async (body: string, type = "application/json") =>
    (await fetch(`${API}/revocations`, { method: "POST", headers: { "Content-Type": type }, body })).status;
  expect([
    await post('{"tokens":[]}', "text/plain"),
    await post(JSON.stringify({ tokens: Array.from({ length: 1600 }, () => generateSecret()) })),
    await post("{not json"),
    await post(JSON.stringify({ tokens: Array.from({ length: 1001 }, () => "x") })),
  ]).toEqual([415, 413, 400, 400]);
});

test("POST /revocations allows 60 requests per address per window, then 429 with Retry-After", async () => {
  const post = async () => {
    const response = await fetch(`${API}/revocations`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"tokens":[]}',
    });
    return {
      status: response.status,
      retryAfter: Number(response.headers.get("retry-after")),
      body: (await response.json()) as { message?: string },
    };
  };
  // Use up whatever is left of the current window (earlier tests sent some), then wait for its end.
  let first = await post();
  for (let i = 0; i < 61 && first.status === 202; i++) first = await post();
  expect(first.status).toBe(429);
  await new Promise((resolve) => setTimeout(resolve, first.retryAfter * 1000 + 300));

  const window = await Promise.all(Array.from({ length: 60 }, post));
  const over = await post();
  expect({
    passed: window.filter((r) => r.status === 202).length,
    over: [
      over.status,
      over.retryAfter > 0 && over.retryAfter <= 15,
      over.body.message?.startsWith("Too many revocation requests from your address. Retry in "),
    ],
  }).toEqual({ passed: 60, over: [429, true, true] });
});
