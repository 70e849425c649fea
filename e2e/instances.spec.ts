// Several app instances on one PostgreSQL, as real processes: the documented `npm start`
// (with DATABASE_URL) and `npm run start:app` beside it, against a PostgreSQL this test
// owns so it can stop and start it. Windows are shortened by configuration (4 s burst,
// 120 s quota) so the test does not wait 15 minutes; the limits stay 40 and 200.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { generateSecret, hashSecret } from "../lib/api-keys/secret";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../scripts/embedded-postgres";
import { freePort } from "../scripts/free-port";
import { E2E_ISSUER } from "./env";
import { insertKey } from "./helpers/keys";
import { userToken } from "./rest/callers";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const BURST_SECONDS = 4;
const QUOTA_SECONDS = 120;
const dir = mkdtempSync(path.join(tmpdir(), "one-e2e-instances-"));
chmodSync(dir, 0o755);
let pgPort = 0;
let database: EmbeddedDatabase;
const instances: ChildProcess[] = [];
const urls: string[] = [];
let owner = "";

async function startDatabase() {
  database = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: pgPort, password: "instances", database: "one" });
}

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function startInstance(script: "start" | "start:app", port: number) {
  const child = spawn("npm", script === "start" ? ["start"] : ["run", script], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: path.join(dir, "data"),
      DATABASE_URL: database.url,
      SEED_DEMO: "1",
      OIDC_ISSUER: E2E_ISSUER,
      OIDC_CLIENT_SECRET: "not-used-by-these-tests",
      AUTH_SECRET: "shared-auth-secret-of-the-instances-test",
      RATE_LIMIT_BURST_WINDOW_SECONDS: String(BURST_SECONDS),
      RATE_LIMIT_QUOTA_WINDOW_SECONDS: String(QUOTA_SECONDS),
      FAILED_AUTH_LIMIT: "5",
      // This test is the proxy in front of the instances: it says who the client is.
      TRUST_PROXY: "loopback",
    },
  });
  instances.push(child);
  urls.push(`http://localhost:${port}/api/v1`);
}

async function waitUntilServing(url: string) {
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${url}/openapi.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not start`);
}

/** A new workspace with `count` keys, straight into the database. */
async function workspaceWithKeys(count: number) {
  const [ws] = await sql<{ id: string }>(`INSERT INTO workspaces (id, name, slug) VALUES ($1, $1, $1) RETURNING id`, [
    `ws-${randomBytes(4).toString("hex")}`,
  ]);
  const secrets: string[] = [];
  for (let i = 0; i < count; i++) secrets.push((await insertKey(sql, ws!.id, "instances")).secret);
  return secrets;
}

const tasks = (instance: number, key: string, headers: Record<string, string> = {}) =>
  fetch(`${urls[instance]}/workspaces/current/tasks`, { headers: { Authorization: `Bearer ${key}`, ...headers } });

test.beforeAll(async () => {
  pgPort = await freePort();
  await startDatabase();
  startInstance("start", await freePort());
  await waitUntilServing(urls[0]!);
  startInstance("start:app", await freePort());
  await waitUntilServing(urls[1]!);
  owner = await userToken("owner@example.com");
});

test.afterAll(async () => {
  for (const child of instances) if (child.pid) process.kill(-child.pid, "SIGTERM");
  await Promise.all(
    instances.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)))),
  );
  await database?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("60 concurrent requests over two instances and two keys: exactly 40 pass, 20 get a 429 that says when to retry", async () => {
  const [a, b] = await workspaceWithKeys(2);
  const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => tasks(i % 2, i % 4 < 2 ? a! : b!)));
  const refused = await Promise.all(
    responses.filter((r) => r.status === 429).map(async (r) => ({ body: await r.text(), retryAfter: r.headers.get("retry-after") })),
  );
  const wellFormed = refused.every(({ body, retryAfter }) => {
    const n = Number(retryAfter);
    return (
      n >= 1 && n <= BURST_SECONDS && body === JSON.stringify({ code: 429, message: `standard rate limit exceeded, retry in ${n} seconds` })
    );
  });
  const withHeaders = responses.every(
    (r) =>
      r.headers.get("ratelimit-policy") === `"burst";q=40;w=${BURST_SECONDS}, "quota";q=200;w=${QUOTA_SECONDS}` &&
      /^"burst";r=\d+;t=\d+, "quota";r=\d+;t=\d+$/.test(r.headers.get("ratelimit") ?? ""),
  );
  expect({ ok: responses.filter((r) => r.status === 200).length, refused: refused.length, wellFormed, withHeaders }).toEqual({
    ok: 40,
    refused: 20,
    wellFormed: true,
    withHeaders: true,
  });
});

test("two workspaces never share a budget", async () => {
  const [busy] = await workspaceWithKeys(1);
  const [quiet] = await workspaceWithKeys(1);
  await Promise.all(Array.from({ length: 45 }, (_, i) => tasks(i % 2, busy!)));
  const response = await tasks(1, quiet!);
  expect({ status: response.status, rateLimit: response.headers.get("ratelimit")?.split(",")[0] }).toEqual({
    status: 200,
    rateLimit: `"burst";r=39;t=${BURST_SECONDS}`,
  });
});

test("past the burst windows, request 201 of the quota window gets 429 until the quota window ends", async () => {
  const [key] = await workspaceWithKeys(1);
  let allowed = 0;
  let instance = 0;
  while (allowed < 200) {
    const response = await tasks(instance++ % 2, key!);
    if (response.status === 200) allowed++;
    else if (response.status === 429)
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after")) * 1000));
    else throw new Error(`unexpected ${response.status}`);
  }
  await new Promise((resolve) => setTimeout(resolve, BURST_SECONDS * 1000)); // the burst window is not what blocks now
  const request201 = await tasks(instance % 2, key!);
  const retryAfter = Number(request201.headers.get("retry-after"));
  expect({ status: request201.status, quotaBlocks: retryAfter > BURST_SECONDS && retryAfter <= QUOTA_SECONDS }).toEqual({
    status: 429,
    quotaBlocks: true,
  });
});

test("a key revoked through one instance fails on the very next request through the other", async () => {
  const created = await fetch(`${urls[0]}/workspaces/current/api-keys`, {
    method: "POST",
    headers: { Authorization: `Bearer ${owner}`, "Content-Type": "application/json" },
    body: JSON.stringify({ description: "revoke-across-instances" }),
  }).then((r) => r.json());
  const before = await tasks(1, created.secret);
  const revoked = await fetch(`${urls[0]}/workspaces/current/api-keys/${created.id}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${owner}` },
  });
  const after = await tasks(1, created.secret);
  expect([before.status, revoked.status, after.status]).toEqual([200, 200, 401]);
});

test("revoke-all racing creates and rolls on two instances: no key from before its answer works anywhere; every key created after it works", async () => {
  // Globex (its owner is member@example.com): a budget no other test here spends.
  const token = await userToken("member@example.com");
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  const mine = await fetch(`${urls[0]}/workspaces`, { headers }).then((r) => r.json());
  const globex = (mine.data as { id: string; slug: string }[]).find((ws) => ws.slug === "globex")!;
  const api = (instance: number, method: string, pathname: string, body?: unknown) =>
    fetch(`${urls[instance]}/workspaces/${globex.id}${pathname}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const before = await Promise.all([0, 1, 0].map((instance, n) => api(instance, "POST", "/api-keys", { description: `before-${n}` })));

  let answered = false;
  const made: { id: string; secret: string; startedAfter: boolean }[] = [];
  const refused: number[] = [];
  const creator = async (instance: number) => {
    // Until two creates have started after revoke-all answered (at most 8 before it: the cap is 20).
    for (let i = 0, after = 0; i < 10 && after < 2; i++) {
      const startedAfter = answered;
      if (startedAfter) after++;
      const { status, body } = await api(instance, "POST", "/api-keys", { description: `racing-${instance}-${i}` });
      if (status === 201) made.push({ id: body.id, secret: body.secret, startedAfter });
      else refused.push(status);
    }
  };
  const rolled: string[] = [];
  const roller = async (instance: number, keyId: string) => {
    const { status, body } = await api(instance, "POST", `/api-keys/${keyId}/roll`, { previousSecretExpiresInSeconds: 3600 });
    if (status === 200) rolled.push(body.secret);
  };
  const racing = [creator(0), creator(1), roller(0, before[0]!.body.id), roller(1, before[1]!.body.id)];
  await new Promise((resolve) => setTimeout(resolve, 50));
  const revokedAll = await api(1, "POST", "/api-keys/revoke-all", { confirm: "globex" });
  answered = true;
  await Promise.all(racing);

  // Each secret, through both instances (one after the other: 40 a burst is the budget).
  const works = async (secret: string) => {
    const statuses = [];
    for (const instance of [0, 1]) statuses.push((await tasks(instance, secret)).status);
    return statuses.join(" ");
  };
  const state = async (id: string) => (await api(0, "GET", `/api-keys/${id}`)).body.status as string;
  const fromBefore = [];
  for (const secret of [...before.map((key) => key.body.secret as string), ...rolled]) fromBefore.push(await works(secret));
  const racingCreates = [];
  for (const key of made.filter((k) => !k.startedAfter)) racingCreates.push(`${await state(key.id)}: ${await works(key.secret)}`);
  const createdAfter = [];
  for (const key of made.filter((k) => k.startedAfter)) createdAfter.push(await works(key.secret));
  const revokedOfOurs = racingCreates.filter((line) => line.startsWith("revoked")).length + before.length;
  const [events] = await sql<{ count: string }>(
    `SELECT count(*) FROM audit_events WHERE workspace_id = $1 AND action = 'api_key.revoked' AND (metadata->>'bulk')::boolean`,
    [globex.id],
  );

  expect({
    revokeAll: revokedAll.status,
    // One bulk event per revoked key; Globex has no keys but these.
    counted: [revokedAll.body.revoked, Number(events!.count)],
    refused,
    fromBefore: [...new Set(fromBefore)],
    // A create racing it either went first (revoked with the rest) or after (and works).
    racingCreates: racingCreates.filter((line) => line !== "revoked: 401 401" && line !== "active: 200 200"),
    createdAfter: createdAfter.length >= 2 ? [...new Set(createdAfter)] : createdAfter,
  }).toEqual({
    revokeAll: 200,
    counted: [revokedOfOurs, revokedOfOurs],
    refused: [],
    fromBefore: ["401 401"],
    racingCreates: [],
    createdAfter: ["200 200"],
  });
});

test("a permission change through one instance applies to every request started after it answered, on both instances", async () => {
  const created = await fetch(`${urls[0]}/workspaces/current/api-keys`, {
    method: "POST",
    headers: { Authorization: `Bearer ${owner}`, "Content-Type": "application/json" },
    body: JSON.stringify({ description: "narrowed-across-instances" }),
  }).then((r) => r.json());
  const write = (instance: number) =>
    fetch(`${urls[instance]}/workspaces/current/tasks`, {
      method: "POST",
      headers: { Authorization: `Bearer ${created.secret}`, "Content-Type": "application/json" },
      body: JSON.stringify({ title: "racing a permission change" }),
    });
  let answered = false;
  const late: number[] = [];
  const writer = async (instance: number) => {
    for (let i = 0; i < 25; i++) {
      const startedAfter = answered;
      const { status } = await write(instance);
      if (startedAfter) late.push(status);
    }
  };
  const writers = [0, 1, 0, 1].map(writer);
  await new Promise((resolve) => setTimeout(resolve, 150));
  const patched = await fetch(`${urls[1]}/workspaces/current/api-keys/${created.id}`, {
    method: "PATCH",
    headers: { Authorization: `Bearer ${owner}`, "Content-Type": "application/json" },
    body: JSON.stringify({ permissions: ["tasks:read"] }),
  });
  answered = true;
  await Promise.all(writers);
  await new Promise((resolve) => setTimeout(resolve, BURST_SECONDS * 1000)); // writes before the change may have filled the window
  const read = await tasks(0, created.secret);
  expect({ patched: patched.status, late: late.length > 0, lateStatuses: [...new Set(late)], read: read.status }).toEqual({
    patched: 200,
    late: true,
    lateStatuses: [403],
    read: 200,
  });
});

test("allowed networks with TRUST_PROXY: enforce refuses outside addresses with 403; a switch to report through one instance applies on the other", async () => {
  const created = await fetch(`${urls[0]}/workspaces/current/api-keys`, {
    method: "POST",
    headers: { Authorization: `Bearer ${owner}`, "Content-Type": "application/json" },
    body: JSON.stringify({ description: "networks-across-instances", allowedNetworks: ["203.0.113.0/24"] }),
  }).then((r) => r.json());
  const inside = await tasks(1, created.secret, { "X-Forwarded-For": "203.0.113.5" });
  const outside = await tasks(1, created.secret, { "X-Forwarded-For": "198.51.100.7" });
  const outsideBody = await outside.json();
  const patched = await fetch(`${urls[1]}/workspaces/current/api-keys/${created.id}`, {
    method: "PATCH",
    headers: { Authorization: `Bearer ${owner}`, "Content-Type": "application/json" },
    body: JSON.stringify({ networkMode: "report" }),
  });
  const reported = await tasks(0, created.secret, { "X-Forwarded-For": "198.51.100.7" });
  expect({
    inside: inside.status,
    outside: [outside.status, outsideBody.clientAddress, outside.headers.get("ratelimit")],
    patched: patched.status,
    reported: reported.status,
  }).toEqual({ inside: 200, outside: [403, "198.51.100.7", null], patched: 200, reported: 200 });
  expect(outsideBody.message).toContain("198.51.100.7");
});

test("addresses seen by two instances add up per address, and insights suggest them as a list", async () => {
  const created = await fetch(`${urls[0]}/workspaces/current/api-keys`, {
    method: "POST",
    headers: { Authorization: `Bearer ${owner}`, "Content-Type": "application/json" },
    body: JSON.stringify({ description: "addresses-across-instances" }),
  }).then((r) => r.json());
  for (const [instance, address] of [
    [0, "198.51.100.7"],
    [1, "198.51.100.7"],
    [1, "2001:db8:5:6::1"],
    [0, "2001:db8:5:6::2"],
  ] as const) {
    expect((await tasks(instance, created.secret, { "X-Forwarded-For": address })).status).toBe(200);
  }
  const read = (path: string) =>
    fetch(`${urls[1]}/workspaces/current/api-keys/${created.id}/${path}`, { headers: { Authorization: `Bearer ${owner}` } }).then((r) =>
      r.json(),
    );
  await expect
    .poll(
      async () =>
        (await read("addresses")).data.map((row: { address: string; requests: number }) => `${row.address}×${row.requests}`).sort(),
      {
        timeout: 20_000,
      },
    )
    .toEqual(["198.51.100.7×2", "2001:db8:5:6::/64×2"]);
  expect((await read("insights")).networks).toEqual({
    addresses: 2,
    suggestedAllowedNetworks: ["198.51.100.7/32", "2001:db8:5:6::/64"],
    outsideNetwork: 0,
  });
});

test("usage counted on two instances adds up exactly, and an instance that shuts down writes its counts first", async () => {
  const [ws] = await sql<{ id: string }>(`INSERT INTO workspaces (id, name, slug) VALUES ($1, $1, $1) RETURNING id`, [
    `ws-${randomBytes(4).toString("hex")}`,
  ]);
  const key = await insertKey(sql, ws!.id, "usage");
  const okCount = async () =>
    (await sql<{ ok: number }>("SELECT coalesce(sum(ok), 0)::int AS ok FROM api_key_usage WHERE key_id = $1", [key.id]))[0]!.ok;
  for (let i = 0; i < 10; i++) await tasks(i % 2, key.secret);
  let flushed = 0;
  for (let i = 0; i < 40 && flushed < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    flushed = await okCount();
  }

  // A third instance takes 7 requests and is stopped at once, well before its next flush.
  startInstance("start:app", await freePort());
  const third = instances.at(-1)!;
  await waitUntilServing(urls.at(-1)!);
  const statuses = [];
  for (let i = 0; i < 7; i++) statuses.push((await tasks(urls.length - 1, key.secret)).status);
  // SIGTERM to the app server itself (as an orchestrator stops a server process), then wait until
  // it has exited; the launcher around it stops with it.
  const server = execFileSync("ps", ["-o", "pid=,args=", "-g", String(third.pid)], { encoding: "utf8" })
    .split("\n")
    .find((line) => line.includes("scripts/app-server.ts"));
  const serverPid = Number(server?.trim().split(/\s+/)[0]);
  expect(serverPid).toBeGreaterThan(0);
  process.kill(serverPid, "SIGTERM");
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 100 && alive(serverPid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  try {
    process.kill(-third.pid!, "SIGTERM");
  } catch {
    // the launcher already stopped with its server
  }
  urls.pop();
  instances.pop();
  expect({ statuses, twoInstances: flushed, afterShutdown: await okCount() }).toEqual({
    statuses: Array(7).fill(200),
    twoInstances: 10,
    afterShutdown: 17,
  });
});

test("guessing keys from one address gets 429 once the limit is reached, on both instances; a valid key from it still passes", async () => {
  const guesser = { "X-Forwarded-For": "198.51.100.7" };
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) statuses.push((await tasks(i % 2, generateSecret(), guesser)).status);
  const [valid] = await workspaceWithKeys(1);
  const sameAddress = await tasks(1, valid!, guesser);
  expect({ statuses, sameAddress: sameAddress.status }).toEqual({ statuses: [401, 401, 401, 401, 401, 429, 429], sameAddress: 200 });
});

test("with TRUST_PROXY, the address the proxy forwarded is the client's; our internal header from a client is still ignored", async () => {
  const [key] = await workspaceWithKeys(1);
  const response = await tasks(1, key!, { "X-Forwarded-For": "192.0.2.200, 198.51.100.60", "X-One-Socket-Address": "203.0.113.1" });
  const [row] = await sql<{ last_used_ip: string }>("SELECT last_used_ip FROM api_key_secrets WHERE hash = $1", [hashSecret(key!)]);
  expect({ status: response.status, lastUsedIp: row?.last_used_ip }).toEqual({ status: 200, lastUsedIp: "198.51.100.60" });
});

test("readiness: 503 with Retry-After while PostgreSQL is down, 200 again once it is back; liveness stays 200 throughout", async () => {
  const api = urls[0]!.replace(/\/v1$/, "");
  const probe = async () => {
    const [ready, live] = await Promise.all([fetch(`${api}/health/ready`), fetch(`${api}/health`)]);
    return { ready: ready.status, retryAfter: ready.headers.get("retry-after"), readyBody: await ready.json(), live: live.status };
  };
  const before = await probe();
  await database.stop();
  const down = await probe();
  await startDatabase();
  let after = await probe();
  for (let i = 0; i < 40 && after.ready !== 200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    after = await probe();
  }
  expect({ before: [before.ready, before.live], down, after: [after.ready, after.live] }).toEqual({
    before: [200, 200],
    down: {
      ready: 503,
      retryAfter: "5",
      readyBody: { code: 503, message: "The database cannot be reached. Retry in 5 seconds." },
      live: 200,
    },
    after: [200, 200],
  });
});

test("with PostgreSQL down, requests get 503 without internals; when it is back, they pass again and nothing is lost", async () => {
  const [key] = await workspaceWithKeys(1);
  const seen: Array<{ status: number; retryAfter: boolean; body: string }> = [];
  let flowing = true;
  const flow = (async () => {
    for (let i = 0; flowing; i++) {
      const response = await tasks(i % 2, key!);
      seen.push({ status: response.status, retryAfter: response.headers.has("retry-after"), body: await response.text() });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();

  await new Promise((resolve) => setTimeout(resolve, 500)); // requests are flowing
  await database.stop();
  await new Promise((resolve) => setTimeout(resolve, 1500)); // and keep flowing while it is down
  await startDatabase();
  const backAt = seen.length;
  for (let i = 0; i < 80 && !seen.slice(backAt).some((r) => r.status === 200); i++)
    await new Promise((resolve) => setTimeout(resolve, 250));
  flowing = false;
  await flow;

  const outage = seen.filter((r) => r.status !== 200);
  const [row] = await sql<{ used: boolean; revoked: boolean }>(
    `SELECT s.last_used_at IS NOT NULL AS used, k.revoked_at IS NOT NULL AS revoked
     FROM api_key_secrets s JOIN api_keys k ON k.id = s.key_id WHERE s.hash = $1`,
    [hashSecret(key!)],
  );
  expect({
    statuses: [...new Set(seen.map((r) => r.status))].sort(),
    outageAnswers: [...new Set(outage.map((r) => `${r.status}${r.retryAfter ? " with Retry-After" : ""}`))],
    internals: outage.some((r) => /ECONN|postgres|prisma|database server|at \S+:\d+|SELECT/i.test(r.body)),
    servingAgain: seen.at(-1)?.status,
    key: row,
  }).toEqual({
    statuses: [200, 503],
    outageAnswers: ["503 with Retry-After"],
    internals: false,
    servingAgain: 200,
    key: { used: true, revoked: false },
  });
});
