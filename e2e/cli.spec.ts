// The built `one` CLI as a process against the real server and the local OpenID provider:
// device-flow sign-in approved through the provider's pages over HTTP, loopback sign-in with
// PKCE, keys and tasks, --json, revoke with and without --yes, expiry, rename, roll and usage,
// workspaces list and use, webhooks (create, list, a test event to a real receiver, deliveries),
// every error's exit code, per-command --help and flags, token refresh with rotation, logout
// revoking the session, and the credentials file's mode.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { sql } from "./helpers/db";
import { E2E_BASE_URL, E2E_ISSUER } from "./env";
import { startWebhookReceiver } from "./helpers/webhook-receiver";
import { API, call, createOtherWorkspaceKey } from "./rest/callers";

test.describe.configure({ mode: "serial" });

const ownerHome = mkdtempSync(path.join(tmpdir(), "one-cli-owner-"));
const memberHome = mkdtempSync(path.join(tmpdir(), "one-cli-member-"));
const emptyHome = mkdtempSync(path.join(tmpdir(), "one-cli-empty-"));
const credentialsFile = (home: string) => path.join(home, "one", "credentials.json");

type Run = { code: number | null; stdout: string; stderr: string };

/** Starts `one …`; `onStderr` sees stderr as it arrives (to read a sign-in code or URL). */
function one(
  args: string[],
  options: { home?: string; env?: Record<string, string>; input?: string; onStderr?: (text: string) => void } = {},
): Promise<Run> {
  const child = spawn(process.execPath, ["cli/bin/one.js", ...args], {
    env: {
      ...process.env,
      XDG_CONFIG_HOME: options.home ?? ownerHome,
      ONE_API_URL: E2E_BASE_URL,
      ONE_OIDC_ISSUER: E2E_ISSUER,
      FORCE_COLOR: "0",
      ...options.env,
    },
  });
  child.stdin.end(options.input ?? "");
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
    options.onStderr?.(stderr);
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** Posts the page's first form (hidden fields and all), with `fields` filled in; follows redirects. */
async function submitFirstForm(http: APIRequestContext, html: string, pageUrl: string, fields: Record<string, string> = {}) {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  expect(form, `a form on ${pageUrl}`).not.toBeNull();
  const action = /\baction="([^"]*)"/.exec(form![1]!)?.[1]?.replaceAll("&amp;", "&") ?? pageUrl;
  const values: Record<string, string> = {};
  for (const [tag] of form![2]!.matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (name) values[name] = (/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "").replaceAll("&amp;", "&");
  }
  const response = await http.post(new URL(action, pageUrl).href, { form: { ...values, ...fields } });
  return { response, html: await response.text() };
}

/** A person approving the code in a browser: confirm it, sign in at the provider's form. */
async function approveDeviceCode(verificationUriComplete: string, email: string) {
  const http = await request.newContext();
  const start = await http.get(verificationUriComplete); // the provider's self-submitting form
  const confirmPage = await submitFirstForm(http, await start.text(), start.url());
  expect(confirmPage.html).toContain("Confirm the code");
  const signInPage = await submitFirstForm(http, confirmPage.html, confirmPage.response.url());
  expect(signInPage.html).toContain('name="password"');
  const done = await submitFirstForm(http, signInPage.html, signInPage.response.url(), { email, password: "password" });
  expect(done.html).toContain("Device connected");
  await http.dispose();
}

let secret = "";
let keyId = "";

test("one login: the device code, approved in a browser, signs in; credentials are 0600", async () => {
  let approval: Promise<void> | null = null;
  const login = await one(["login"], {
    onStderr: (text) => {
      const url = /\(or open (\S+)\)/.exec(text)?.[1];
      if (url && !approval) approval = approveDeviceCode(url, "owner@example.com");
    },
  });
  await approval;
  expect(login.stderr).toMatch(/open http:\/\/127\.0\.0\.1:\d+\/device in a browser and enter the code:\n\n {2}[A-Z]{4}-[A-Z]{4}\n/);
  expect(login.stderr).toContain("Waiting for the code to be approved");
  expect({ code: login.code, stdout: login.stdout }).toEqual({ code: 0, stdout: "" });
  expect(login.stderr).toContain(`Signed in as owner@example.com at ${E2E_BASE_URL}.`);

  expect(statSync(credentialsFile(ownerHome)).mode & 0o777).toBe(0o600);
  expect(statSync(path.dirname(credentialsFile(ownerHome))).mode & 0o777).toBe(0o700);

  const whoami = await one(["whoami", "--json"]);
  expect(JSON.parse(whoami.stdout)).toMatchObject({
    email: "owner@example.com",
    apiUrl: E2E_BASE_URL,
    issuer: E2E_ISSUER,
    type: "user",
    workspace: { slug: "acme", role: "OWNER" },
  });
  const token = await one(["token"]);
  expect(token.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  expect((await call("GET", "/workspaces/current/api-keys", token.stdout.trim())).status).toBe(200);
});

test("one keys create prints only the secret; --json gives one object; list and get", async () => {
  const created = await one(["keys", "create", "--description", "cli-e2e"]);
  expect(created.code).toBe(0);
  expect(created.stdout).toMatch(/^one_[0-9A-Za-z]{36}\n$/);
  expect(created.stderr).toContain('Created key "cli-e2e"');
  secret = created.stdout.trim();

  const asJson = await one(["keys", "create", "--description", "cli-e2e-json", "--json"]);
  const key = JSON.parse(asJson.stdout) as { id: string; secret: string; description: string };
  expect({ description: key.description, secret: /^one_/.test(key.secret) }).toEqual({ description: "cli-e2e-json", secret: true });
  keyId = key.id;

  const list = JSON.parse((await one(["keys", "list", "--json"])).stdout) as { data: { id: string; description: string }[]; limit: number };
  expect(list.data.map((k) => k.description)).toEqual(expect.arrayContaining(["cli-e2e", "cli-e2e-json"]));
  const table = await one(["keys", "list"]);
  expect(table.stdout.split("\n")[0]).toMatch(/^ID +DESCRIPTION +KEY +CREATED +LAST USED$/);
  expect(JSON.parse((await one(["keys", "get", keyId, "--json"])).stdout)).toMatchObject({ id: keyId, revokedAt: null });

  // The new secret works for tasks, through the CLI too (ONE_API_KEY instead of signing in).
  const asKey = { home: emptyHome, env: { ONE_API_KEY: secret } };
  const task = await one(["tasks", "create", "--title", "From the CLI"], asKey);
  expect(task.code).toBe(0);
  const tasks = JSON.parse((await one(["tasks", "list", "--json"], asKey)).stdout) as { data: { id: string; title: string }[] };
  expect(tasks.data.find((t) => t.id === task.stdout.trim())?.title).toBe("From the CLI");
});

test("one keys create --permission, one keys update, and one whoami with the key show and enforce its permissions", async () => {
  const created = JSON.parse(
    (await one(["keys", "create", "--description", "cli-e2e-reader", "--permission", "tasks:read", "--json"])).stdout,
  ) as { id: string; secret: string; permissions: string[] | null };
  const asKey = { home: emptyHome, env: { ONE_API_KEY: created.secret } };
  const whoami = await one(["whoami"], asKey);
  const refused = await one(["tasks", "create", "--title", "not allowed"], asKey);
  const widened = JSON.parse((await one(["keys", "update", created.id, "--full-access", "--expires-in", "30d", "--json"])).stdout) as {
    permissions: string[] | null;
    expiresAt: string;
  };
  const allowed = await one(["tasks", "create", "--title", "allowed now"], asKey);
  expect({
    created: created.permissions,
    whoami: [whoami.code, whoami.stdout.trim(), whoami.stderr.includes("Permissions: tasks:read")],
    refused: [refused.code, refused.stderr.includes("lacks the tasks:write permission")],
    widened: [widened.permissions, Math.abs(Date.parse(widened.expiresAt) - (Date.now() + 30 * 86_400_000)) < 120_000],
    allowed: allowed.code,
    badPermission: (await one(["keys", "create", "--description", "cli-bad", "--permission", "tasks:delete"])).code,
    nothingToChange: (await one(["keys", "update", created.id])).code,
  }).toEqual({
    created: ["tasks:read"],
    whoami: [0, `API key "cli-e2e-reader" (one_…${created.secret.slice(-4)}) of workspace Acme`, true],
    refused: [4, true],
    widened: [null, true],
    allowed: 0,
    badPermission: 2,
    nothingToChange: 2,
  });
});

test("one keys create --allow --report-only and one keys update --enforce / --any-address set a key's networks", async () => {
  const created = JSON.parse(
    (
      await one([
        "keys",
        "create",
        "--description",
        "cli-e2e-networks",
        "--allow",
        "203.0.113.7",
        "2001:DB8::/48",
        "--report-only",
        "--json",
      ])
    ).stdout,
  ) as { id: string; allowedNetworks: string[]; networkMode: string };
  const enforced = JSON.parse((await one(["keys", "update", created.id, "--enforce", "--json"])).stdout) as { networkMode: string };
  const anywhere = JSON.parse((await one(["keys", "update", created.id, "--any-address", "--json"])).stdout) as {
    allowedNetworks: unknown;
    networkMode: unknown;
  };
  const bad = await one(["keys", "create", "--description", "cli-bad-network", "--allow", "203.0.113.7/24"]);
  expect({
    created: [created.allowedNetworks, created.networkMode],
    enforced: enforced.networkMode,
    anywhere: [anywhere.allowedNetworks, anywhere.networkMode],
    bad: [bad.code, bad.stderr.includes("203.0.113.0/24")],
  }).toEqual({
    created: [["203.0.113.7/32", "2001:db8::/48"], "report"],
    enforced: "enforce",
    anywhere: [null, null],
    bad: [2, true],
  });
});

test("one keys revoke asks first: no (or no answer) changes nothing, yes revokes, --yes does not ask", async () => {
  const declined = await one(["keys", "revoke", keyId], { input: "n\n" });
  const unanswered = await one(["keys", "revoke", keyId], { input: "" });
  expect([declined.code, unanswered.code]).toEqual([9, 9]);
  expect(declined.stderr).toMatch(/Revoke "cli-e2e-json" \(one_…\w{4}, last used never\)\? .*\[y\/N\]/);
  expect(declined.stderr).toContain("Nothing was revoked.");
  expect(JSON.parse((await one(["keys", "get", keyId, "--json"])).stdout).revokedAt).toBeNull();

  const confirmed = await one(["keys", "revoke", keyId, "--json"], { input: "y\n" });
  expect(confirmed.code).toBe(0);
  expect(JSON.parse(confirmed.stdout).revokedAt).not.toBeNull();

  const secretKeyId = (
    JSON.parse((await one(["keys", "list", "--json"])).stdout) as { data: { id: string; description: string }[] }
  ).data.find((k) => k.description === "cli-e2e")!.id;
  const unasked = await one(["keys", "revoke", secretKeyId, "--yes"]);
  expect({ code: unasked.code, asked: unasked.stderr.includes("[y/N]") }).toEqual({ code: 0, asked: false });
  expect((await one(["tasks", "list"], { home: emptyHome, env: { ONE_API_KEY: secret } })).code).toBe(3);
});

test("one keys create --expires-in, rename, roll (only the secret on stdout), usage", async () => {
  const created = JSON.parse((await one(["keys", "create", "--description", "cli-e2e-roll", "--expires-in", "30d", "--json"])).stdout) as {
    id: string;
    secret: string;
    expiresAt: string;
  };
  expect(Math.abs(Date.parse(created.expiresAt) - (Date.now() + 30 * 86_400_000))).toBeLessThan(120_000);
  const id = created.id;

  const renamed = await one(["keys", "rename", id, "cli-e2e-renamed"]);
  expect({ code: renamed.code, stdout: renamed.stdout }).toEqual({ code: 0, stdout: "" });
  expect(renamed.stderr).toContain('to "cli-e2e-renamed"');
  const renamedAgain = JSON.parse((await one(["keys", "rename", id, "--description", "cli-e2e-rolled", "--json"])).stdout) as {
    description: string;
  };
  expect(renamedAgain.description).toBe("cli-e2e-rolled");
  expect((await one(["keys", "rename", id])).code).toBe(2);

  const rolled = await one(["keys", "roll", id, "--grace", "2h"]);
  expect(rolled.code).toBe(0);
  expect(rolled.stdout).toMatch(/^one_[0-9A-Za-z]{36}\n$/);
  expect(rolled.stderr).toMatch(
    /The previous secret \(one_…\w{4}\) keeps working until \d{4}-\d\d-\d\dT[\d:.]+Z \(2 hours\) at the latest/,
  );
  const newSecret = rolled.stdout.trim();
  expect(newSecret).not.toBe(created.secret);

  // Both secrets read tasks during the grace period.
  const asKey = (secret: string) => ({ home: emptyHome, env: { ONE_API_KEY: secret } });
  expect((await one(["tasks", "list", "--json"], asKey(newSecret))).code).toBe(0);
  expect((await one(["tasks", "list", "--json"], asKey(created.secret))).code).toBe(0);

  // Rolling again retires the oldest secret at once; --json gives one object with the new secret.
  const again = await one(["keys", "roll", id, "--json"]);
  const rolledAgain = JSON.parse(again.stdout) as { id: string; secret: string; previousSecret: { hint: string } };
  expect({
    id: rolledAgain.id,
    secret: /^one_[0-9A-Za-z]{36}$/.test(rolledAgain.secret),
    previous: rolledAgain.previousSecret.hint,
  }).toEqual({
    id,
    secret: true,
    previous: `one_…${newSecret.slice(-4)}`,
  });
  expect((await one(["tasks", "list"], asKey(created.secret))).code).toBe(3);
  expect((await one(["keys", "roll", id, "--grace", "soon"])).code).toBe(2);

  // Usage: 2 served, 1 denied (the retired secret); counts are flushed every few seconds.
  let usage: { range: string; totals: unknown; buckets: unknown[] } | null = null;
  await expect
    .poll(
      async () => {
        usage = JSON.parse((await one(["keys", "usage", id, "--json"])).stdout);
        return usage!.totals;
      },
      { timeout: 20_000, intervals: [1_000] },
    )
    .toEqual({ ok: 2, rateLimited: 0, denied: 1, forbidden: 0, blockedNetwork: 0, outsideNetwork: 0, byPermission: { "tasks:read": 2 } });
  expect({ range: usage!.range, buckets: usage!.buckets.length }).toEqual({ range: "24h", buckets: 24 });
  const week = await one(["keys", "usage", id, "--range", "7d"]);
  const lines = week.stdout.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^START \(UTC\) +OK +LIMITED +DENIED +REQUESTS$/);
  expect(lines).toHaveLength(1 + 7 + 1);
  expect(lines[7]).toMatch(/^\d{4}-\d\d-\d\d +2 +0 +1 +#{40}$/);
  expect(lines[8]).toMatch(/^total +2 +0 +1$/);
  expect((await one(["keys", "usage", id, "--range", "1y"])).code).toBe(2);

  expect((await one(["keys", "revoke", id, "--yes"])).code).toBe(0);
  const rollRevoked = await one(["keys", "roll", id]);
  expect({ code: rollRevoked.code, stdout: rollRevoked.stdout }).toEqual({ code: 6, stdout: "" });
  expect(rollRevoked.stderr).toContain("Create a new key with `one keys create --description …`.");
});

test("one workspaces list marks the current one; use globex switches; back to acme", async () => {
  const list = await one(["workspaces", "list"]);
  const rows = list.stdout.trimEnd().split("\n");
  expect(rows[0]).toMatch(/^CURRENT +NAME +SLUG +ROLE +ID$/);
  // Each row without its last column (the id), spaces collapsed.
  expect(
    rows
      .slice(1)
      .map((row) =>
        row
          .replace(/ +\S+$/, "")
          .trim()
          .replace(/ +/g, " "),
      )
      .sort(),
  ).toEqual(["* Acme acme OWNER", "Globex globex MEMBER"]);

  const current = async () =>
    (JSON.parse((await one(["workspaces", "list", "--json"])).stdout) as { data: { slug: string; current: boolean }[] }).data
      .filter((w) => w.current)
      .map((w) => w.slug);
  try {
    const use = await one(["workspaces", "use", "globex"]);
    expect({ code: use.code, stdout: use.stdout }).toEqual({ code: 0, stdout: "" });
    expect(use.stderr).toContain("Now using Globex (globex) as MEMBER.");
    expect(await current()).toEqual(["globex"]);
    // As a member of Globex the owner of Acme may not create keys there.
    expect((await one(["keys", "create", "--description", "cli-e2e-globex"])).code).toBe(4);
    const unknown = await one(["workspaces", "use", "initech"]);
    expect({ code: unknown.code, stdout: unknown.stdout }).toEqual({ code: 5, stdout: "" });
    expect(unknown.stderr).toMatch(/Yours: (acme, globex|globex, acme)\./);
  } finally {
    const back = await one(["workspaces", "use", "acme", "--json"]);
    expect(JSON.parse(back.stdout)).toMatchObject({ slug: "acme", role: "OWNER", current: true });
  }
  expect(await current()).toEqual(["acme"]);
});

test("one login --web: the loopback redirect with PKCE, here followed by an HTTP client", async () => {
  let approval: Promise<void> | null = null;
  const login = await one(["login", "--web", "--no-browser"], {
    home: memberHome,
    onStderr: (text) => {
      const url = /^ {2}(http\S+\/auth\?\S+)$/m.exec(text)?.[1];
      if (url && !approval) {
        approval = (async () => {
          const http = await request.newContext();
          const signIn = await http.get(url);
          const done = await submitFirstForm(http, await signIn.text(), signIn.url(), {
            email: "member@example.com",
            password: "password",
          });
          expect(done.html).toContain("Signed in. You can close this page");
          await http.dispose();
        })();
      }
    },
  });
  await approval;
  expect(login.code).toBe(0);
  expect(login.stderr).toContain("Signed in as member@example.com");
  expect(statSync(credentialsFile(memberHome)).mode & 0o777).toBe(0o600);
});

test("each kind of error has its exit code and says what to do", async () => {
  const notSignedIn = await one(["keys", "list"], { home: emptyHome });
  const forbidden = await one(["keys", "create", "--description", "not-allowed"], { home: memberHome });
  const notFound = await one(["keys", "get", "no-such-key"]);
  const badField = await one(["keys", "create", "--description", "   "]);
  const badFlag = await one(["keys", "list", "--colour"]);
  const unreachable = await one(["keys", "list"], { env: { ONE_API_URL: "http://127.0.0.1:9" } });

  const { workspaceId, secret: limitedKey } = await createOtherWorkspaceKey();
  await sql("UPDATE workspaces SET rate_limit_burst = 1 WHERE id = $1", [workspaceId]);
  const asLimitedKey = { home: emptyHome, env: { ONE_API_KEY: limitedKey } };
  const first = await one(["tasks", "list", "--json"], asLimitedKey);
  const limited = await one(["tasks", "list"], asLimitedKey);

  expect({
    notSignedIn: notSignedIn.code,
    forbidden: forbidden.code,
    notFound: notFound.code,
    badField: badField.code,
    badFlag: badFlag.code,
    unreachable: unreachable.code,
    first: first.code,
    limited: limited.code,
  }).toEqual({ notSignedIn: 3, forbidden: 4, notFound: 5, badField: 2, badFlag: 2, unreachable: 8, first: 0, limited: 7 });
  expect(notSignedIn.stderr).toContain("Run `one login`");
  expect(forbidden.stderr).toMatch(/owners and admins[\s\S]*signed in as member@example\.com/);
  expect(badField.stderr).toContain("description: Enter a description.");
  expect(limited.stderr).toMatch(/Wait \d+ seconds before trying again/);
  expect(unreachable.stderr).toContain("Cannot reach the API at http://127.0.0.1:9/api/v1");
  for (const run of [notSignedIn, forbidden, notFound, badField, badFlag, unreachable, limited]) expect(run.stdout).toBe("");
});

test("each command has its own --help with flags and examples; a flag of another command is refused", async () => {
  const help = await one(["keys", "create", "--help"], { home: emptyHome });
  expect({ code: help.code, stderr: help.stderr }).toEqual({ code: 0, stderr: "" });
  expect(help.stdout).toMatch(/^Usage: one keys create \[options\]/);
  for (const flag of ["--description <text>", "--expires-in <duration>", "--workspace <id>", "--json", "Examples:"])
    expect(help.stdout).toContain(flag);
  expect(help.stdout).not.toContain("--grace");
  const rollHelp = await one(["keys", "roll", "-h"], { home: emptyHome });
  expect({
    code: rollHelp.code,
    grace: rollHelp.stdout.includes("--grace <duration>"),
    title: rollHelp.stdout.includes("--title"),
  }).toEqual({
    code: 0,
    grace: true,
    title: false,
  });

  const overview = await one([], { home: emptyHome });
  expect(overview.code).toBe(0);
  expect(overview.stdout).toMatch(/keys +Manage the workspace's API keys/);
  expect(overview.stdout).toContain("Exit codes: 0 ok");
  expect((await one(["--version"], { home: emptyHome })).stdout).toBe("0.1.0\n");

  // Flags belong to their command: --title is tasks create's, --all tasks list's.
  const misplaced = await one(["keys", "create", "--description", "x", "--title", "y"], { home: emptyHome });
  const alsoMisplaced = await one(["keys", "list", "--all"], { home: emptyHome });
  const unknownVerb = await one(["keys", "delete", "KEY_ID"], { home: emptyHome });
  const missingId = await one(["keys", "revoke"], { home: emptyHome });
  const nounOnly = await one(["keys"], { home: emptyHome });
  expect([misplaced, alsoMisplaced, unknownVerb, missingId, nounOnly].map((run) => [run.code, run.stdout])).toEqual([
    [2, ""],
    [2, ""],
    [2, ""],
    [2, ""],
    [2, ""],
  ]);
  expect(misplaced.stderr).toContain("one: unknown option '--title'");
  expect(misplaced.stderr).toContain("Run `one keys create --help`");
  expect(unknownVerb.stderr).toContain("one: unknown command 'delete'");
  expect(missingId.stderr).toContain("missing required argument 'id'");
  expect(nounOnly.stderr).toMatch(/Commands:[\s\S]*revoke/);
});

test("one keys addresses lists where a key was used from; one keys revoke-all asks for the slug, then revokes every key", async () => {
  const secret = (await one(["keys", "create", "--description", "cli-addresses"])).stdout.trim();
  const keys = JSON.parse((await one(["keys", "list", "--json"])).stdout) as { data: { id: string; description: string }[] };
  const id = keys.data.find((k) => k.description === "cli-addresses")!.id;
  expect((await one(["tasks", "list"], { home: emptyHome, env: { ONE_API_KEY: secret } })).code).toBe(0);
  await expect
    .poll(async () => (JSON.parse((await one(["keys", "addresses", id, "--json"])).stdout) as { data: unknown[] }).data.length, {
      timeout: 20_000,
    })
    .toBe(1);
  const table = await one(["keys", "addresses", id, "--days", "7"]);
  const badDays = await one(["keys", "addresses", id, "--days", "31"]);

  const wrong = await one(["keys", "revoke-all"], { input: "globex\n" });
  const stillWorks = (await one(["tasks", "list"], { home: emptyHome, env: { ONE_API_KEY: secret } })).code;
  const revoked = await one(["keys", "revoke-all", "--json"], { input: "acme\n" });
  expect({
    table: [table.code, table.stdout.includes("ADDRESS"), table.stderr.includes("in the last 7 days")],
    badDays: badDays.code,
    wrong: [
      wrong.code,
      wrong.stderr.includes("Type the workspace's slug, acme, to confirm:"),
      wrong.stderr.includes("Nothing was revoked"),
    ],
    stillWorks,
    revoked: [revoked.code, (JSON.parse(revoked.stdout) as { revoked: number }).revoked > 0],
    after: (await one(["tasks", "list"], { home: emptyHome, env: { ONE_API_KEY: secret } })).code,
  }).toEqual({ table: [0, true, true], badDays: 2, wrong: [9, true, true], stillWorks: 0, revoked: [0, true], after: 3 });
});

test("one webhooks: create prints only the signing secret, list shows it, test prints a delivery id that deliveries lists as delivered", async () => {
  const receiver = await startWebhookReceiver();
  const token = (await one(["token"])).stdout.trim();
  let endpointId = "";
  try {
    const created = await one(["webhooks", "create", "--url", receiver.url, "--description", "cli-e2e", "--events", "webhook.test"]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}\n$/);
    expect(created.stderr).toContain(`for ${receiver.url} (webhook.test)`);
    expect(created.stderr).toContain("shown only this once");
    const secret = created.stdout.trim();

    const listed = JSON.parse((await one(["webhooks", "list", "--json"])).stdout) as {
      data: { id: string; url: string; secretHint: string }[];
    };
    const endpoint = listed.data.find((e) => e.secretHint === `whsec_…${secret.slice(-4)}`)!;
    expect(endpoint.url).toBe(receiver.url);
    endpointId = endpoint.id;
    const table = (await one(["webhooks", "list"])).stdout.trimEnd().split("\n");
    expect(table[0]).toMatch(/^ID +URL +STATE +EVENTS +SECRET +CREATED$/);
    expect(table.find((row) => row.startsWith(endpointId))).toMatch(/ enabled +webhook\.test +whsec_…/);

    const sent = await one(["webhooks", "test", endpointId]);
    expect({ code: sent.code, stdoutLines: sent.stdout.split("\n").length }).toEqual({ code: 0, stdoutLines: 2 });
    expect(sent.stderr).toContain(`one webhooks deliveries ${endpointId}`);
    const deliveryId = sent.stdout.trim();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    expect(receiver.verify(receiver.received[0]!, secret).type).toBe("webhook.test");

    await expect
      .poll(
        async () =>
          (JSON.parse((await one(["webhooks", "deliveries", endpointId, "--json"])).stdout) as { data: { id: string; status: string }[] })
            .data,
        { timeout: 10_000, intervals: [1_000] },
      )
      .toEqual([expect.objectContaining({ id: deliveryId, status: "delivered" })]);
    const deliveries = (await one(["webhooks", "deliveries", endpointId, "--limit", "5"])).stdout.trimEnd().split("\n");
    expect(deliveries[0]).toMatch(/^ID +EVENT +STATUS +ATTEMPTS +RESPONSE +CREATED +NEXT ATTEMPT +LAST ERROR$/);
    expect(deliveries.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^${deliveryId} +webhook\\.test +delivered +1 +204 in \\d+ ms `)),
    ]);
    expect((await one(["webhooks", "deliveries", endpointId, "--limit", "101"])).code).toBe(2);
  } finally {
    if (endpointId) expect((await call("DELETE", `${API}/workspaces/current/webhook-endpoints/${endpointId}`, token)).status).toBe(200);
    await receiver.close();
  }
});

test("one webhooks refusals: a member gets 403 (exit 4), a refused URL names url (exit 2), the eleventh endpoint 409 (exit 6)", async () => {
  const receiver = await startWebhookReceiver();
  const token = (await one(["token"])).stdout.trim();
  const member = await one(["webhooks", "create", "--url", receiver.url], { home: memberHome });
  const metadata = await one(["webhooks", "create", "--url", "https://169.254.169.254/latest/meta-data"]);
  const noUrl = await one(["webhooks", "create"]);
  expect([member, metadata, noUrl].map((run) => [run.code, run.stdout])).toEqual([
    [4, ""],
    [2, ""],
    [2, ""],
  ]);
  expect(member.stderr).toMatch(/owners and admins[\s\S]*signed in as member@example\.com/);
  expect(metadata.stderr).toMatch(/url: The URL's host resolves to 169\.254\.169\.254, a link-local address/);
  expect(noUrl.stderr).toContain("--url");

  const filled: string[] = [];
  try {
    const existing = (JSON.parse((await one(["webhooks", "list", "--json"])).stdout) as { data: unknown[] }).data.length;
    for (let count = existing; count < 10; count++) {
      const created = await one(["webhooks", "create", "--url", receiver.url, "--description", `cli-e2e-cap-${count}`, "--json"]);
      const endpoint = JSON.parse(created.stdout) as { id: string; secret: string; description: string };
      expect({ description: endpoint.description, secret: endpoint.secret.startsWith("whsec_") }).toEqual({
        description: `cli-e2e-cap-${count}`,
        secret: true,
      });
      filled.push(endpoint.id);
    }
    const overCap = await one(["webhooks", "create", "--url", receiver.url]);
    expect({ code: overCap.code, stdout: overCap.stdout }).toEqual({ code: 6, stdout: "" });
    expect(overCap.stderr).toContain("already has 10 webhook endpoints");
    expect(overCap.stderr).toContain("`one webhooks list`");
  } finally {
    for (const id of filled) await call("DELETE", `${API}/workspaces/current/webhook-endpoints/${id}`, token);
    await receiver.close();
  }

  const help = await one(["webhooks", "create", "--help"], { home: emptyHome });
  expect({ code: help.code, stderr: help.stderr }).toEqual({ code: 0, stderr: "" });
  for (const flag of ["--url <url>", "--description <text>", "--events <types...>", "--json", "Examples:"])
    expect(help.stdout).toContain(flag);
  expect((await one(["webhooks", "deliveries", "--help"], { home: emptyHome })).stdout).toContain("--limit <n>");
  expect((await one(["webhooks", "test", "--help"], { home: emptyHome })).stdout).toMatch(
    /^Usage: one webhooks test \[options\] <endpointId>/,
  );
});

test("an expired access token is refreshed and the rotated refresh token saved; logout revokes the session", async () => {
  const before = JSON.parse(readFileSync(credentialsFile(ownerHome), "utf8"));
  writeFileSync(credentialsFile(ownerHome), JSON.stringify({ ...before, accessTokenExpiresAt: 0 }), { mode: 0o600 });
  expect((await one(["keys", "list", "--json"])).code).toBe(0);
  const after = JSON.parse(readFileSync(credentialsFile(ownerHome), "utf8"));
  expect({
    newAccess: after.accessToken !== before.accessToken,
    rotated: after.refreshToken !== before.refreshToken,
    mode: statSync(credentialsFile(ownerHome)).mode & 0o777,
  }).toEqual({
    newAccess: true,
    rotated: true,
    mode: 0o600,
  });

  const logout = await one(["logout"]);
  expect(logout.code).toBe(0);
  expect(logout.stderr).toContain("the session was revoked");
  expect((await one(["whoami"])).code).toBe(3);
  const reuse = await fetch(`${E2E_ISSUER}/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: after.refreshToken, client_id: "one-cli" }),
  });
  expect({ status: reuse.status, error: ((await reuse.json()) as { error: string }).error }).toEqual({
    status: 400,
    error: "invalid_grant",
  });
});
