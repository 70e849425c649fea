// Leaked keys against a real PostgreSQL: GitHub's secret scanning reports (real P-256 signatures,
// verified by the app against keys it fetches from a local keys endpoint) and the public
// revocation endpoint, through their route handlers; the dashboard's alert and its dismissal.
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as githubRoute } from "@/app/api/v1/secret-scanning/github/route";
import { POST as revocationsRoute } from "@/app/api/v1/revocations/route";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { getApiKey } from "@/lib/api-keys/get";
import { rollApiKey } from "@/lib/api-keys/roll";
import { generateSecret } from "@/lib/api-keys/secret";
import { db } from "@/lib/db/client";
import { dismissExposureAlert } from "@/lib/leaks/dismiss";
import { recentExposures } from "@/lib/leaks/recent";
import { requestRevocations } from "@/lib/leaks/revocations";
import { reportedSecret } from "@/lib/leaks/sources";
import { githubHeaders, githubReport, KeysEndpoint, newSigningKey, type SigningKey } from "../e2e/helpers/github-scanning";
import { createWorkspace } from "./fixtures";
import { outcome } from "./helpers/outcome";

const keys = new KeysEndpoint();
let ws: Awaited<ReturnType<typeof createWorkspace>>;
let other: Awaited<ReturnType<typeof createWorkspace>>;
let github: SigningKey;
let scenario = 0;

/** A fresh keys URL (so a fresh copy in the app) publishing these keys. */
function useKeysEndpoint(published: SigningKey[]): string {
  const name = `scenario-${++scenario}`;
  keys.publish(name, published);
  process.env.SECRET_SCANNING_GITHUB_KEYS_URL = keys.url(name);
  return name;
}

beforeAll(async () => {
  await keys.start();
  github = newSigningKey();
  [ws, other] = await Promise.all([createWorkspace(), createWorkspace()]);
});
afterAll(async () => {
  await keys.stop();
});
afterEach(() => {
  for (const name of [
    "SECRET_SCANNING_GITHUB_KEYS_URL",
    "SECRET_SCANNING_GITHUB_KEYS_CACHE_SECONDS",
    "SECRET_SCANNING_GITHUB_KEYS_REFRESH_SECONDS",
    "REVOCATIONS_LIMIT",
    "REVOCATIONS_WINDOW_SECONDS",
  ]) {
    delete process.env[name];
  }
});

async function report(body: string | Buffer, headers: Record<string, string>) {
  const response = await githubRoute(
    new Request("http://localhost/api/v1/secret-scanning/github", { method: "POST", headers, body, duplex: "half" } as RequestInit),
  );
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: JSON.parse(text) as unknown };
}

const send = (tokens: string[], key = github, url?: string) => {
  const body = githubReport(tokens, url);
  return report(body, githubHeaders(key, body));
};

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
const use = async (secret: string) => (await authenticateApiKey(secret, { ip: "198.51.100.30", userAgent: "vitest" })).outcome;
const events = (keyId: string) =>
  db().auditEvent.findMany({
    where: { targetId: keyId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorType: true, actorName: true, ip: true, metadata: true },
  });
const newKey = (description: string, workspace = ws) => createApiKey(workspace.owner, { description });
/** Everything about the database that a report may change, to compare before and after. */
const snapshot = async () => ({
  revoked: await db().apiKey.count({ where: { revokedAt: { not: null } } }),
  exposed: await db().apiKey.count({ where: { exposureReportedAt: { not: null } } }),
  retired: await db().apiKeySecret.count({ where: { retiredAt: { not: null } } }),
  events: await db().auditEvent.count(),
});

describe("GitHub secret scanning reports", () => {
  it("revoke the key of a reported current secret at once, record the exposure and both events, and answer GitHub's feedback", async () => {
    useKeysEndpoint([github]);
    const key = await newKey("leaked-ci");
    const bystander = await newKey("not-reported");
    const unknown = generateSecret();
    const url = "https://github.com/octo-org/octo-repo/blob/0123abc/config/.env";
    const answer = await send([key.secret, unknown, "one_not-even-well-formed"], github, url);
    const stored = await getApiKey(ws.owner, { keyId: key.id });
    expect({
      answer,
      status: stored.status,
      exposure: stored.exposure && { ...stored.exposure, reportedAt: typeof stored.exposure.reportedAt },
      // The dashboard reads "the current secret was reported" from the report and the revocation sharing one time.
      reportedSecret: reportedSecret(stored),
      uses: [await use(key.secret), await use(bystander.secret)],
      events: (await events(key.id)).slice(1).map((e) => [e.action, e.actorType, e.actorName]),
      exposedEvent: (await events(key.id))[1]?.metadata,
    }).toEqual({
      answer: {
        status: 200,
        retryAfter: null,
        body: [
          { token_hash: sha256(key.secret), token_type: "one_api_key", label: "true_positive" },
          { token_hash: sha256(unknown), token_type: "one_api_key", label: "false_positive" },
          { token_hash: sha256("one_not-even-well-formed"), token_type: "one_api_key", label: "false_positive" },
        ],
      },
      status: "revoked",
      exposure: { source: "GitHub secret scanning", url, reportedAt: "string" },
      reportedSecret: "current",
      uses: ["denied", "accepted"],
      events: [
        ["api_key.exposed", "system", "GitHub secret scanning"],
        ["api_key.revoked", "system", "GitHub secret scanning"],
      ],
      exposedEvent: {
        description: "leaked-ci",
        hint: key.hint,
        source: "GitHub secret scanning",
        url,
        foundIn: "content",
        outcome: "revoked",
      },
    });
  });

  it("retire a reported previous secret at once; the key and its current secret keep working", async () => {
    useKeysEndpoint([github]);
    const key = await newKey("rolled-then-leaked");
    const rolled = await rollApiKey(ws.owner, { keyId: key.id, options: { previousSecretExpiresInSeconds: 86_400 } });
    expect(await use(key.secret)).toBe("accepted"); // still in its grace period
    const answer = await send([key.secret]);
    const stored = await getApiKey(ws.owner, { keyId: key.id });
    const secret = await db().apiKeySecret.findFirst({ where: { keyId: key.id, supersededAt: { not: null } } });
    expect({
      label: (answer.body as { label: string }[])[0]?.label,
      status: stored.status,
      previousSecret: stored.previousSecret,
      exposure: stored.exposure?.source,
      reportedSecret: reportedSecret(stored),
      retired: [secret?.retiredAt !== null, secret?.retiredReason],
      uses: [await use(key.secret), await use(rolled.secret)],
      events: (await events(key.id))
        .slice(2)
        .map((e) => [
          e.action,
          e.actorName,
          (e.metadata as { reason?: string; outcome?: string }).reason ?? (e.metadata as { outcome?: string }).outcome,
        ]),
    }).toEqual({
      label: "true_positive",
      status: "active",
      previousSecret: null,
      exposure: "GitHub secret scanning",
      reportedSecret: "previous",
      retired: [true, "exposed"],
      uses: ["denied", "accepted"],
      events: [
        ["api_key.exposed", "GitHub secret scanning", "previous_secret_retired"],
        ["api_key.previous_secret_retired", "GitHub secret scanning", "exposed"],
      ],
    });
  });

  it("answer true_positive for a retired secret or a revoked key's secret and change nothing", async () => {
    useKeysEndpoint([github]);
    const rolledTwice = await newKey("rolled twice");
    await rollApiKey(ws.owner, { keyId: rolledTwice.id, options: {} });
    await rollApiKey(ws.owner, { keyId: rolledTwice.id, options: {} }); // the first secret retires (rolled_again)
    const revoked = await newKey("revoked by hand");
    await db().apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const before = await snapshot();
    const answer = await send([rolledTwice.secret, revoked.secret]);
    expect({
      labels: (answer.body as { label: string }[]).map((f) => f.label),
      after: await snapshot(),
      exposure: (await getApiKey(ws.owner, { keyId: revoked.id })).exposure,
    }).toEqual({
      labels: ["true_positive", "true_positive"],
      after: before,
      exposure: null,
    });
  });

  it("are idempotent: a replayed report, even several at once, changes nothing more and writes no more events", async () => {
    useKeysEndpoint([github]);
    const key = await newKey("replayed");
    const body = githubReport([key.secret]);
    const headers = githubHeaders(github, body);
    const first = await report(body, headers);
    const afterFirst = await snapshot();
    const reportedAt = (await getApiKey(ws.owner, { keyId: key.id })).exposure?.reportedAt;
    const replays = await Promise.all([report(body, headers), report(body, headers), report(body, headers)]);
    expect({
      answers: replays.map((r) => r.body),
      after: await snapshot(),
      reportedAt: (await getApiKey(ws.owner, { keyId: key.id })).exposure?.reportedAt,
      events: (await events(key.id)).map((e) => e.action),
    }).toEqual({
      answers: [first.body, first.body, first.body],
      after: afterFirst,
      reportedAt,
      events: ["api_key.created", "api_key.exposed", "api_key.revoked"],
    });
  });

  it("handle thousands of tokens in one report, across workspaces, revoking exactly the reported keys", async () => {
    useKeysEndpoint([github]);
    const ours = [await newKey("bulk-1"), await newKey("bulk-2"), await newKey("bulk-other", other)];
    const untouched = [await newKey("bulk-kept"), await newKey("bulk-kept-other", other)];
    const unknown = Array.from({ length: 4000 }, () => generateSecret());
    const malformed = Array.from({ length: 200 }, (_, i) => `one_${String(i).padStart(36, "x")}`);
    const tokens = [...unknown.slice(0, 2000), ...ours.map((k) => k.secret), ...malformed, ...unknown.slice(2000), ours[0]!.secret];
    const before = await snapshot();
    const started = Date.now();
    const answer = await send(tokens);
    const feedback = answer.body as { token_hash: string; label: string }[];
    expect({
      status: answer.status,
      entries: feedback.length,
      truePositives: feedback
        .filter((f) => f.label === "true_positive")
        .map((f) => f.token_hash)
        .sort(),
      statuses: await Promise.all([...ours, ...untouched].map((k) => use(k.secret))),
      after: await snapshot(),
      fast: Date.now() - started < 20_000,
    }).toEqual({
      status: 200,
      entries: tokens.length - 1, // one entry per distinct token
      truePositives: ours.map((k) => sha256(k.secret)).sort(),
      statuses: ["denied", "denied", "denied", "accepted", "accepted"],
      after: { ...before, revoked: before.revoked + 3, exposed: before.exposed + 3, events: before.events + 6 },
      fast: true,
    });
    // Each event belongs to its key's own workspace.
    const otherEvents = await db().auditEvent.findMany({
      where: { targetId: ours[2]!.id, action: { in: ["api_key.exposed", "api_key.revoked"] } },
    });
    expect(otherEvents.map((e) => e.workspaceId)).toEqual([other.workspace.id, other.workspace.id]);
  });

  describe("that do not verify change nothing", () => {
    it.each([
      ["no signature headers", () => ({ "Content-Type": "application/json" })],
      [
        "a signature by another key under GitHub's identifier",
        (body: string) => ({ ...githubHeaders(newSigningKey(), body), "Github-Public-Key-Identifier": github.identifier }),
      ],
      ["a signature over other bytes", (body: string) => githubHeaders(github, body + " ")],
      ["an unknown key identifier", (body: string) => githubHeaders(newSigningKey(), body)],
      [
        "a signature that is not base64",
        (body: string) => ({ ...githubHeaders(github, body), "Github-Public-Key-Signature": "not base64 at all!" }),
      ],
      [
        "random bytes as the signature",
        (body: string) => ({
          ...githubHeaders(github, body),
          "Github-Public-Key-Signature": Buffer.from("garbage".repeat(10)).toString("base64"),
        }),
      ],
      ["an empty signature", (body: string) => ({ ...githubHeaders(github, body), "Github-Public-Key-Signature": "" })],
    ])("%s: 401", async (_name, headersFor) => {
      useKeysEndpoint([github]);
      const key = await newKey("must survive");
      const body = githubReport([key.secret]);
      const before = await snapshot();
      const answer = await report(body, headersFor(body));
      expect({
        status: answer.status,
        message: typeof (answer.body as { message?: string }).message,
        after: await snapshot(),
        use: await use(key.secret),
      }).toEqual({
        status: 401,
        message: "string",
        after: before,
        use: "accepted",
      });
    });

    it.each([["rsa"], ["ed25519"]] as const)("a key of another algorithm (%s) published under an identifier: 401", async (type) => {
      const foreign = newSigningKey(type);
      useKeysEndpoint([github, foreign]);
      const key = await newKey(`survives ${type}`);
      const body = githubReport([key.secret]);
      const before = await snapshot();
      const answer = await report(body, githubHeaders(foreign, body));
      expect({ status: answer.status, after: await snapshot() }).toEqual({ status: 401, after: before });
    });
  });

  it("refuse a body over 1 MiB (413) and a signed body that is not JSON or not a list of matches (400), changing nothing", async () => {
    useKeysEndpoint([github]);
    const key = await newKey("big body");
    const big = githubReport([key.secret, ...Array.from({ length: 30_000 }, () => generateSecret())]);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const before = await snapshot();
    const answers = [
      await report(big, githubHeaders(github, big)),
      await report("not json", githubHeaders(github, "not json")),
      await report('{"token":"x"}', githubHeaders(github, '{"token":"x"}')),
      await report('[{"url":"x"}]', githubHeaders(github, '[{"url":"x"}]')),
    ];
    expect({ statuses: answers.map((a) => a.status), after: await snapshot(), use: await use(key.secret) }).toEqual({
      statuses: [413, 400, 400, 400],
      after: before,
      use: "accepted",
    });
  });

  it("only link an http(s) URL", async () => {
    useKeysEndpoint([github]);
    const key = await newKey("odd url");
    await send([key.secret], github, "javascript:alert(1)");
    expect((await getApiKey(ws.owner, { keyId: key.id })).exposure?.url).toBeNull();
  });

  describe("GitHub's keys", () => {
    it("are fetched again when a report names a new identifier (GitHub rotated its key)", async () => {
      process.env.SECRET_SCANNING_GITHUB_KEYS_REFRESH_SECONDS = "0";
      const name = useKeysEndpoint([github]);
      const first = await newKey("before rotation");
      expect((await send([first.secret])).status).toBe(200);
      const rotated = newSigningKey();
      keys.publish(name, [github, rotated]);
      const second = await newKey("after rotation");
      const answer = await send([second.secret], rotated);
      expect({ status: answer.status, fetches: keys.hits.get(name), use: await use(second.secret) }).toEqual({
        status: 200,
        fetches: 2,
        use: "denied",
      });
    });

    it("are fetched at most once per refresh interval for unknown identifiers (anyone can send one)", async () => {
      const name = useKeysEndpoint([github]);
      const key = await newKey("unknown identifiers");
      expect((await send([generateSecret()])).status).toBe(200);
      const answers = [await send([key.secret], newSigningKey()), await send([key.secret], newSigningKey())];
      expect({ statuses: answers.map((a) => a.status), fetches: keys.hits.get(name), use: await use(key.secret) }).toEqual({
        statuses: [401, 401],
        fetches: 1,
        use: "accepted",
      });
    });

    it("are used from a stale copy when the keys URL is down", async () => {
      process.env.SECRET_SCANNING_GITHUB_KEYS_CACHE_SECONDS = "1";
      const name = useKeysEndpoint([github]);
      expect((await send([generateSecret()])).status).toBe(200);
      keys.setDown(name);
      await sleep(1_100);
      const key = await newKey("reported while GitHub is down");
      const answer = await send([key.secret]);
      expect({ status: answer.status, fetches: keys.hits.get(name), use: await use(key.secret) }).toEqual({
        status: 200,
        fetches: 2,
        use: "denied",
      });
    });

    it("that cannot be fetched with no copy in hand: 503 with Retry-After, nothing changed", async () => {
      const name = useKeysEndpoint([github]);
      keys.setDown(name);
      const key = await newKey("reported while we cannot check");
      const before = await snapshot();
      const down = await send([key.secret]);
      process.env.SECRET_SCANNING_GITHUB_KEYS_URL = "http://127.0.0.1:1/unreachable";
      const unreachable = await send([key.secret]);
      expect({
        statuses: [down.status, unreachable.status],
        retryAfter: [down.retryAfter, unreachable.retryAfter],
        after: await snapshot(),
        use: await use(key.secret),
      }).toEqual({ statuses: [503, 503], retryAfter: ["60", "60"], after: before, use: "accepted" });
      // Back up: the next report works.
      process.env.SECRET_SCANNING_GITHUB_KEYS_URL = keys.url(name);
      keys.setDown(name, false);
      expect((await send([key.secret])).status).toBe(200);
    });

    it("with an unknown identifier while the keys URL is down: 503 (we cannot tell), nothing changed", async () => {
      process.env.SECRET_SCANNING_GITHUB_KEYS_REFRESH_SECONDS = "0";
      const name = useKeysEndpoint([github]);
      expect((await send([generateSecret()])).status).toBe(200);
      keys.setDown(name);
      const key = await newKey("rotated while down");
      const before = await snapshot();
      const answer = await send([key.secret], newSigningKey());
      expect({ status: answer.status, after: await snapshot() }).toEqual({ status: 503, after: before });
    });
  });
});

describe("the public revocation endpoint", () => {
  const client = (ip: string) => ({ ip, userAgent: "vitest" });
  let address = 0;
  const freshAddress = () => `192.0.2.${++address}`;

  async function post(body: string | Buffer, contentType = "application/json") {
    const response = await revocationsRoute(
      new Request("http://localhost/api/v1/revocations", {
        method: "POST",
        headers: { "Content-Type": contentType },
        body,
        duplex: "half",
      } as RequestInit),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("revokes current secrets' keys and retires previous secrets, by actor public with the address; answers the same whatever matched", async () => {
    const leaked = await newKey("found in a paste");
    const rolled = await newKey("previous found");
    const next = await rollApiKey(ws.owner, { keyId: rolled.id, options: {} });
    const ip = freshAddress();
    const matched = await requestRevocations(client(ip), { tokens: [leaked.secret, rolled.secret, "one_malformed", generateSecret()] });
    const unmatched = await requestRevocations(client(ip), { tokens: [generateSecret(), generateSecret(), "garbage", "one_x"] });
    const revokedEvent = (await events(leaked.id)).find((e) => e.action === "api_key.revoked");
    expect({
      answers: [matched, unmatched],
      uses: [await use(leaked.secret), await use(rolled.secret), await use(next.secret)],
      exposure: (await getApiKey(ws.owner, { keyId: leaked.id })).exposure?.source,
      event: [revokedEvent?.actorType, revokedEvent?.actorName, revokedEvent?.ip],
    }).toEqual({
      answers: [{ received: 4 }, { received: 4 }],
      uses: ["denied", "denied", "accepted"],
      exposure: "Public revocation request",
      event: ["public", null, ip],
    });
  });

  it.each([
    ["text/plain", '{"tokens":[]}', 415],
    ["application/json", "not json", 400],
    ["application/json", '["one_x"]', 400],
    ["application/json", '{"tokens":"one_x"}', 400],
    ["application/json", '{"tokens":[1,2]}', 400],
    ["application/json", JSON.stringify({ tokens: Array.from({ length: 1001 }, () => "one_x") }), 400],
    ["application/json", JSON.stringify({ tokens: Array.from({ length: 1700 }, () => generateSecret()) }), 413],
  ])("refuses a bad body (%s %#) before anything else", async (type, body, status) => {
    const before = await snapshot();
    const answer = await post(body, type);
    expect({ status: answer.status, message: typeof answer.body.message, after: await snapshot() }).toEqual({
      status,
      message: "string",
      after: before,
    });
  });

  it("allows each address REVOCATIONS_LIMIT requests per window, exactly, even all at once", async () => {
    process.env.REVOCATIONS_LIMIT = "5";
    process.env.REVOCATIONS_WINDOW_SECONDS = "30";
    const ip = freshAddress();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => outcomeWithRetry(() => requestRevocations(client(ip), { tokens: [generateSecret()] }))),
    );
    const elsewhere = await outcome(() => requestRevocations(client(freshAddress()), { tokens: [] }));
    expect({
      ok: results.filter((r) => r.code === "ok").length,
      limited: results.filter((r) => r.code === "rate_limited").length,
      retryAfter: results.filter((r) => r.code === "rate_limited").every((r) => r.retryAfter! > 0 && r.retryAfter! <= 30),
      elsewhere,
    }).toEqual({ ok: 5, limited: 7, retryAfter: true, elsewhere: "ok" });
  });
});

async function outcomeWithRetry(run: () => Promise<unknown>): Promise<{ code: string; retryAfter?: number }> {
  try {
    await run();
    return { code: "ok" };
  } catch (error) {
    const e = error as { code?: string; retryAfterSeconds?: number };
    return { code: e.code ?? "error", retryAfter: e.retryAfterSeconds };
  }
}

describe("the API keys page's alert", () => {
  it("lists the workspace's recently exposed keys for every member, until each person dismisses it; a new report shows it again", async () => {
    useKeysEndpoint([github]);
    const alerts = await createWorkspace();
    const key = await createApiKey(alerts.owner, { description: "alerted" });
    const rolled = await rollApiKey(alerts.owner, { keyId: key.id, options: {} });
    const old = await createApiKey(alerts.owner, { description: "reported long ago" });
    await send([key.secret, old.secret]); // the previous secret retires; the other key is revoked
    await db().apiKey.update({ where: { id: old.id }, data: { exposureReportedAt: new Date(Date.now() - 31 * 86_400_000) } });

    const seen = async () => (await recentExposures(alerts.member)).map((a) => [a.description, a.hint, a.outcome, a.keyRevoked]);
    expect(await seen()).toEqual([["alerted", key.hint, "previous_secret_retired", false]]);
    await dismissExposureAlert(alerts.owner, { keyId: key.id });
    expect({ owner: await recentExposures(alerts.owner), member: await seen() }).toEqual({
      owner: [],
      member: [["alerted", key.hint, "previous_secret_retired", false]],
    });

    await send([rolled.secret], github, "https://www.npmjs.com/package/leaky");
    const [again] = await recentExposures(alerts.owner);
    expect({ ...again, reportedAt: undefined }).toEqual({
      keyId: key.id,
      description: "alerted",
      hint: rolled.hint,
      source: "GitHub secret scanning",
      url: "https://www.npmjs.com/package/leaky",
      reportedAt: undefined,
      outcome: "revoked",
      keyRevoked: true,
    });
  });

  it("cannot be read or dismissed from another workspace, nor by an API key", async () => {
    useKeysEndpoint([github]);
    const key = await newKey("private alert");
    await send([key.secret]);
    const apiKeyActor = {
      kind: "apiKey" as const,
      client: { ip: null, userAgent: null },
      keyId: key.id,
      permissions: null,
      rateLimit: null,
      workspace: { id: ws.workspace.id, name: "", slug: "" },
    };
    expect({
      otherReads: (await recentExposures(other.owner)).some((a) => a.keyId === key.id),
      otherDismisses: await outcome(() => dismissExposureAlert(other.owner, { keyId: key.id })),
      apiKeyReads: await outcome(() => recentExposures(apiKeyActor)),
      ownerStillSees: (await recentExposures(ws.owner)).some((a) => a.keyId === key.id),
    }).toEqual({ otherReads: false, otherDismisses: "not_found", apiKeyReads: "forbidden", ownerStillSees: true });
  });
});
