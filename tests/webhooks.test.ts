// Webhooks against a real PostgreSQL and a real HTTP receiver on 127.0.0.1 (allowed for this file
// by WEBHOOK_ALLOWED_NETWORKS, so http:// is allowed too): who may manage endpoints, the cap under
// concurrency, the outbox in the change's transaction, signatures checked by the `standardwebhooks`
// package on the raw body, rotation, the retry schedule, disabling after failures, and claims by
// workers running at the same time. The delivery worker is driven by hand (deliverDueWebhooks),
// as each instance's loop drives it every second. All webhook tests share this one file so that no
// other file's deliveries are claimed by these workers.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/workspaces/[workspaceId]/webhook-endpoints/route";
import { POST as rotateRoute } from "@/app/api/v1/workspaces/[workspaceId]/webhook-endpoints/[endpointId]/rotate-secret/route";
import { createApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { rollApiKey } from "@/lib/api-keys/roll";
import { updateApiKey } from "@/lib/api-keys/update";
import type { Actor } from "@/lib/auth/actor";
import { listActivity, listAuditEvents } from "@/lib/audit-log/list";
import { db } from "@/lib/db/client";
import { execute, query, sql } from "@/lib/db/sql";
import { createWebhookEndpoint } from "@/lib/webhooks/create";
import { listDeliveries, retryDelivery } from "@/lib/webhooks/deliveries";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";
import { getWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/list";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-secret";
import { sendTestEvent } from "@/lib/webhooks/send-test";
import { updateWebhookEndpoint } from "@/lib/webhooks/update";
import { attemptDelivery, claimDueDeliveries, deliverDueWebhooks, startDeliveryWorker } from "@/lib/webhooks/worker";
import { createWorkspace } from "./fixtures";
import { outcome } from "./helpers/outcome";

process.env.WEBHOOK_ALLOWED_NETWORKS = "127.0.0.1/32";

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

/** The customer's receiver: records every request with its raw body; the path picks the answer. */
class Receiver {
  readonly requests: Received[] = [];
  private server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      this.requests.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (path.startsWith("/fail")) return void response.writeHead(500).end("receiver says no");
      if (path.startsWith("/hang")) return; // never answers
      if (path.startsWith("/close")) return void request.socket.destroy();
      if (path.startsWith("/nul")) return void response.writeHead(200).end("a\u0000b");
      if (path.startsWith("/redirect")) return void response.writeHead(302, { location: "http://127.0.0.1:1/" }).end();
      response.writeHead(200, { "content-type": "text/plain" }).end("ok".padEnd(3000, "!"));
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }
  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }
  to(path: string): Received[] {
    return this.requests.filter((request) => request.path === path);
  }
  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const receiver = new Receiver();
const workspaces: string[] = [];
let ws: Awaited<ReturnType<typeof createWorkspace>>;
let other: Awaited<ReturnType<typeof createWorkspace>>;
let path = 0;
/** A path of its own for each endpoint, so each test reads only its own requests. */
const freshPath = (kind: "ok" | "fail" | "redirect" | "hang" | "close" | "nul" = "ok") => `/${kind}-${++path}`;

async function workspace() {
  const created = await createWorkspace();
  workspaces.push(created.workspace.id);
  return created;
}

/** Runs the worker until nothing is due. */
async function drain(): Promise<void> {
  while ((await deliverDueWebhooks()) > 0);
}

const deliveryRow = async (id: string) =>
  (
    await query<{
      status: string;
      attempts: number;
      next_attempt_at: Date | null;
      last_error: string | null;
      response_status: number | null;
      response_body: string | null;
    }>(
      sql`SELECT "status", "attempts", "next_attempt_at", "last_error", "response_status", "response_body" FROM "webhook_deliveries" WHERE "id" = ${id}`,
    )
  )[0]!;

/** Makes a pending delivery due now (instead of waiting for its next attempt). */
const makeDue = (id: string) => execute(sql`UPDATE "webhook_deliveries" SET "next_attempt_at" = now() WHERE "id" = ${id}`);

/** What a REST request with this bearer token gets. */
async function rest(handler: typeof listRoute, token: string, params: Record<string, string>, body?: unknown) {
  const response = await handler(
    new Request("http://localhost/api/v1", {
      method: body === undefined ? "GET" : "POST",
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  await receiver.start();
  [ws, other] = await Promise.all([workspace(), workspace()]);
});

afterEach(async () => {
  delete process.env.WEBHOOK_RETRY_SCHEDULE;
  // Nothing left for the next test's workers to claim.
  await execute(sql`DELETE FROM "webhook_endpoints" WHERE "workspace_id" = ANY(${workspaces})`);
});

afterAll(() => receiver.stop());

describe("who may manage webhook endpoints", () => {
  const cases: Array<[string, () => Actor, string]> = [
    ["owner", () => ws.owner, "ok"],
    ["admin", () => ws.admin, "ok"],
    ["member", () => ws.member, "forbidden"],
    ["an owner of another workspace", () => other.owner, "not_found"],
  ];
  it.each(cases)("%s: every operation → %s", async (_name, actor, expected) => {
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(freshPath()) });
    const { deliveryId } = await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    const ref = { endpointId: endpoint.id };
    const results = {
      list: await outcome(() => listWebhookEndpoints(actor())),
      create: await outcome(() => createWebhookEndpoint(actor(), { url: receiver.url(freshPath()) })),
      get: await outcome(() => getWebhookEndpoint(actor(), ref)),
      update: await outcome(() => updateWebhookEndpoint(actor(), { ...ref, changes: { description: "changed" } })),
      rotate: await outcome(() => rotateWebhookSecret(actor(), ref)),
      test: await outcome(() => sendTestEvent(actor(), ref)),
      deliveries: await outcome(() => listDeliveries(actor(), { ...ref, query: {} })),
      retry: await outcome(() => retryDelivery(actor(), { ...ref, deliveryId })),
      delete: await outcome(() => deleteWebhookEndpoint(actor(), ref)),
    };
    // An owner of another workspace lists and creates in their own workspace: allowed there.
    const own = expected === "not_found" ? { list: "ok", create: "ok" } : {};
    expect(results).toEqual({ ...Object.fromEntries(Object.keys(results).map((op) => [op, expected])), ...own });
  });

  it("API keys get 403 on the REST paths, even a key with full access of the same workspace", async () => {
    const { secret } = await createApiKey(ws.owner, { description: "webhooks-rest" });
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(freshPath()) });
    const list = await rest(listRoute, secret, { workspaceId: ws.workspace.id });
    const create = await rest(createRoute, secret, { workspaceId: ws.workspace.id }, { url: receiver.url("/x") });
    const rotate = await rest(rotateRoute, secret, { workspaceId: ws.workspace.id, endpointId: endpoint.id }, {});
    expect([list.status, create.status, rotate.status]).toEqual([403, 403, 403]);
    expect(list.body.message).toMatch(/API keys cannot manage webhook endpoints/);
  });

  it("members' agent activity leaves endpoint events out; owners and admins see them", async () => {
    const w = await workspace();
    const endpoint = await createWebhookEndpoint(w.admin, { url: receiver.url(freshPath()) });
    await updateWebhookEndpoint(w.admin, { endpointId: endpoint.id, changes: { enabled: false } });
    await rotateWebhookSecret(w.owner, { endpointId: endpoint.id });
    await deleteWebhookEndpoint(w.owner, { endpointId: endpoint.id });
    const actions = async (page: Promise<{ data: { action: string; target: { type: string; id: string } }[] }>) =>
      (await page).data.filter((event) => event.target.type === "webhook_endpoint" && event.target.id === endpoint.id).map((e) => e.action);
    const all = ["webhook_endpoint.deleted", "webhook_endpoint.secret_rotated", "webhook_endpoint.updated", "webhook_endpoint.created"];
    expect({
      auditLog: await actions(listAuditEvents(w.owner, {})),
      adminActivity: await actions(listActivity(w.admin, {})),
      memberActivity: await actions(listActivity(w.member, {})),
    }).toEqual({ auditLog: all, adminActivity: all, memberActivity: [] });
  });
});

describe("endpoints", () => {
  it("create answers with the secret once (whsec_ + base64 of 32 bytes); it is stored encrypted and never read back", async () => {
    const created = await createWebhookEndpoint(ws.owner, {
      url: receiver.url(freshPath()),
      description: "billing",
      events: ["api_key.revoked"],
    });
    expect(created).toMatchObject({ description: "billing", events: ["api_key.revoked"], enabled: true, disabledReason: null });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(created.secret.slice(6), "base64")).toHaveLength(32);
    expect(created.secretHint).toBe(`whsec_…${created.secret.slice(-4)}`);
    const row = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    const got = await getWebhookEndpoint(ws.owner, { endpointId: created.id });
    const listed = await listWebhookEndpoints(ws.owner);
    const everywhere = JSON.stringify({ row, got, listed });
    expect(everywhere.includes(created.secret.slice(6, 30))).toBe(false);
    expect("secret" in got).toBe(false);
  });

  it("refuses unknown event types and an empty list, naming events", async () => {
    for (const events of [["api_key.nope"], []]) {
      await expect(createWebhookEndpoint(ws.owner, { url: receiver.url("/x"), events })).rejects.toMatchObject({
        code: "invalid_input",
        fields: { [events.length ? "events.0" : "events"]: expect.any(String) },
      });
    }
  });

  it("descriptions follow the rule of key descriptions, and may be empty", async () => {
    await expect(createWebhookEndpoint(ws.owner, { url: receiver.url("/x"), description: "line\nbreak" })).rejects.toMatchObject({
      fields: { description: expect.stringMatching(/control characters, line breaks/) },
    });
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(freshPath()), description: "  billing  " });
    const cleared = await updateWebhookEndpoint(ws.owner, { endpointId: endpoint.id, changes: { description: " " } });
    expect([endpoint.description, cleared.description]).toEqual(["billing", ""]);
  });

  it("disabling by a person says manual; enabling clears the reason and the failure count", async () => {
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(freshPath()) });
    const disabled = await updateWebhookEndpoint(ws.admin, { endpointId: endpoint.id, changes: { enabled: false } });
    await execute(sql`UPDATE "webhook_endpoints" SET "consecutive_failures" = 3 WHERE "id" = ${endpoint.id}`);
    const enabled = await updateWebhookEndpoint(ws.admin, { endpointId: endpoint.id, changes: { enabled: true } });
    const row = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect({
      disabled: [disabled.enabled, disabled.disabledReason],
      enabled: [enabled.enabled, enabled.disabledReason],
      failures: row.consecutiveFailures,
    }).toEqual({ disabled: [false, "manual"], enabled: [true, null], failures: 0 });
  });

  it("at most 10 per workspace, exactly, under 20 parallel creates (409 endpoint_limit_reached)", async () => {
    const w = await workspace();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createWebhookEndpoint(w.owner, { url: receiver.url(`/cap-${i}`) }).then(
          () => "created",
          (error: { code: string; reason?: string }) => `${error.code}:${error.reason}`,
        ),
      ),
    );
    const count = await db().webhookEndpoint.count({ where: { workspaceId: w.workspace.id } });
    expect({ created: results.filter((r) => r === "created").length, refused: results.filter((r) => r !== "created"), count }).toEqual({
      created: 10,
      refused: Array(10).fill("conflict:endpoint_limit_reached"),
      count: 10,
    });
  });
});

describe("delivery", () => {
  it("signs to the Standard Webhooks spec: the receiver verifies the raw body and headers with `standardwebhooks`", async () => {
    const path = freshPath();
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(path) });
    const { deliveryId } = await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    await drain();
    const [request] = receiver.to(path);
    const payload = new Webhook(endpoint.secret).verify(request!.body, request!.headers as Record<string, string>) as Record<
      string,
      unknown
    >;
    const row = await deliveryRow(deliveryId);
    expect({
      type: payload.type,
      workspace: (payload.data as { workspace: unknown }).workspace,
      id: request!.headers["webhook-id"],
      status: row.status,
      attempts: row.attempts,
      responseStatus: row.response_status,
      kept: row.response_body?.length,
    }).toEqual({
      type: "webhook.test",
      workspace: { id: ws.workspace.id, name: ws.workspace.name, slug: ws.workspace.slug },
      id: (await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).eventId,
      status: "delivered",
      attempts: 1,
      responseStatus: 200,
      kept: 1024,
    });
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(request!.body, request!.headers as Record<string, string>),
    ).toThrow();
  });

  it("after a rotation both the new and the previous secret verify, for 24 hours", async () => {
    const path = freshPath();
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(path) });
    const rotated = await rotateWebhookSecret(ws.admin, { endpointId: endpoint.id });
    await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    await drain();
    const [request] = receiver.to(path);
    const headers = request!.headers as Record<string, string>;
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(rotated.secret).verify(request!.body, headers)).toBeTruthy();
    expect(new Webhook(endpoint.secret).verify(request!.body, headers)).toBeTruthy();
    const row = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(Math.abs(row.previousSecretExpiresAt!.getTime() - Date.now() - 24 * 3600_000)).toBeLessThan(60_000);

    // Once the 24 hours are over, only the new secret signs.
    await execute(
      sql`UPDATE "webhook_endpoints" SET "previous_secret_expires_at" = now() - interval '1 second' WHERE "id" = ${endpoint.id}`,
    );
    await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    await drain();
    const later = receiver.to(path)[1]!;
    expect(String(later.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(() => new Webhook(endpoint.secret).verify(later.body, later.headers as Record<string, string>)).toThrow();
  });

  it("a failing receiver: retries per WEBHOOK_RETRY_SCHEDULE with the same webhook-id, then failed", async () => {
    process.env.WEBHOOK_RETRY_SCHEDULE = "60,120";
    const path = freshPath("fail");
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(path) });
    const { deliveryId } = await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    const seen: Array<{ status: string; attempts: number; waitSeconds: number | null; error: string | null }> = [];
    for (let round = 0; round < 3; round++) {
      if (round > 0) await makeDue(deliveryId);
      await drain();
      const row = await deliveryRow(deliveryId);
      seen.push({
        status: row.status,
        attempts: row.attempts,
        waitSeconds: row.next_attempt_at ? Math.round((row.next_attempt_at.getTime() - Date.now()) / 10_000) * 10 : null,
        error: row.last_error,
      });
    }
    expect(seen).toEqual([
      { status: "pending", attempts: 1, waitSeconds: 60, error: "Answered 500." },
      { status: "pending", attempts: 2, waitSeconds: 120, error: "Answered 500." },
      { status: "failed", attempts: 3, waitSeconds: null, error: "Answered 500." },
    ]);
    expect(new Set(receiver.to(path).map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(receiver.to(path)).toHaveLength(3);

    // A retry asked for by a person: one more attempt now.
    await retryDelivery(ws.owner, { endpointId: endpoint.id, deliveryId });
    await drain();
    expect(await deliveryRow(deliveryId)).toMatchObject({ status: "failed", attempts: 4 });
  });

  it("a redirect is not followed: a failed attempt that says so", async () => {
    process.env.WEBHOOK_RETRY_SCHEDULE = "60";
    const path = freshPath("redirect");
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(path) });
    const { deliveryId } = await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    await drain();
    expect(await deliveryRow(deliveryId)).toMatchObject({
      status: "pending",
      response_status: 302,
      last_error: "Answered 302: redirects are not followed.",
    });
    expect(receiver.to(path)).toHaveLength(1);
  });

  it.each([
    ["closes the connection", "close" as const, "The connection was closed before an answer."],
    ["never answers", "hang" as const, "No answer within 10 s."],
  ])("a receiver that %s: a failed attempt that says so, and the worker moves on", async (_name, kind, error) => {
    process.env.WEBHOOK_RETRY_SCHEDULE = "60";
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(freshPath(kind)) });
    const { deliveryId } = await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    const started = Date.now();
    await drain();
    expect(await deliveryRow(deliveryId)).toMatchObject({ status: "pending", attempts: 1, response_status: null, last_error: error });
    expect(Date.now() - started).toBeLessThan(12_000);
  });

  it("an answer with a NUL character is recorded (without it)", async () => {
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(freshPath("nul")) });
    const { deliveryId } = await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    await drain();
    expect(await deliveryRow(deliveryId)).toMatchObject({ status: "delivered", attempts: 1, response_body: "ab" });
  });

  it("5 deliveries in a row that end failed disable the endpoint (failing); 4 do not", async () => {
    process.env.WEBHOOK_RETRY_SCHEDULE = "0";
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(freshPath("fail")) });
    const states: string[] = [];
    for (let i = 1; i <= 5; i++) {
      await sendTestEvent(ws.owner, { endpointId: endpoint.id });
      await drain();
      const now = await getWebhookEndpoint(ws.owner, { endpointId: endpoint.id });
      states.push(`${i}:${now.enabled}:${now.disabledReason}`);
    }
    expect(states).toEqual(["1:true:null", "2:true:null", "3:true:null", "4:true:null", "5:false:failing"]);
    // A disabled endpoint's deliveries wait: nothing is claimed for it.
    await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    expect(await deliverDueWebhooks()).toBe(0);
    // Its owners and admins (not members) get one e-mail, queued in the transaction that disabled it (lib/mail).
    const mail = await query<{ user_id: string; kind: string; data: { endpoint: object } }>(
      sql`SELECT "user_id", "kind", "data" FROM "mail_messages" WHERE "target_id" = ${endpoint.id} ORDER BY "to_address"`,
    );
    // Its host only: a webhook URL's path or query may itself be a credential.
    expect(mail[0]?.data.endpoint).toEqual({ id: endpoint.id, host: new URL(endpoint.url).host, description: "" });
    expect(mail.map((row) => [row.user_id, row.kind]).sort()).toEqual(
      [
        [ws.owner.userId, "webhook_failing"],
        [ws.admin.userId, "webhook_failing"],
      ].sort(),
    );
  });

  it("two workers claiming at the same time never take the same delivery; 40 events arrive once each", async () => {
    const path = freshPath();
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(path) });
    for (let i = 0; i < 40; i++) await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    const claims = await Promise.all([claimDueDeliveries(25), claimDueDeliveries(25), claimDueDeliveries(25), claimDueDeliveries(25)]);
    const ids = claims.flat().map((claim) => claim.id);
    expect({ claimed: ids.length, distinct: new Set(ids).size, again: (await claimDueDeliveries(25)).length }).toEqual({
      claimed: 40,
      distinct: 40,
      again: 0,
    });
    await Promise.all(claims.flat().map(attemptDelivery));
    const received = receiver.to(path).map((r) => r.headers["webhook-id"]);
    expect({ received: received.length, distinct: new Set(received).size }).toEqual({ received: 40, distinct: 40 });

    // Two whole workers at once, on fresh events.
    for (let i = 0; i < 30; i++) await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    const [a, b] = await Promise.all([deliverDueWebhooks(30), deliverDueWebhooks(30)]);
    const all = receiver.to(path).map((r) => r.headers["webhook-id"]);
    expect({ claimed: a + b, received: all.length, distinct: new Set(all).size }).toEqual({ claimed: 30, received: 70, distinct: 70 });
  });

  it("a worker that dies mid-attempt: once its lease expires another worker redoes the attempt; the dead one's late result is not recorded", async () => {
    const path = freshPath();
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(path) });
    const { deliveryId } = await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    const [dead] = await claimDueDeliveries(10); // claimed, then the process is killed
    expect(dead!.id).toBe(deliveryId);
    expect(await claimDueDeliveries(10)).toEqual([]); // leased: nobody else runs it meanwhile
    await execute(sql`UPDATE "webhook_deliveries" SET "leased_until" = now() - interval '1 second' WHERE "id" = ${deliveryId}`);
    await drain();
    await attemptDelivery(dead!); // had it only been stalled: its outcome does not count twice
    expect(await deliveryRow(deliveryId)).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("the address is checked again when connecting: one no longer allowed is refused, and the attempt says why", async () => {
    process.env.WEBHOOK_RETRY_SCHEDULE = "60";
    const path = freshPath();
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(path) });
    const { deliveryId } = await sendTestEvent(ws.owner, { endpointId: endpoint.id });
    // As if the host now resolved elsewhere: 127.0.0.1 is no longer an allowed address.
    process.env.WEBHOOK_ALLOWED_NETWORKS = "10.9.9.9/32";
    try {
      await drain();
    } finally {
      process.env.WEBHOOK_ALLOWED_NETWORKS = "127.0.0.1/32";
    }
    expect(await deliveryRow(deliveryId)).toMatchObject({ status: "pending", attempts: 1, response_status: null });
    expect((await deliveryRow(deliveryId)).last_error).toMatch(/^Refused to connect: 127\.0\.0\.1.*private IP address/);
    expect(receiver.to(path)).toHaveLength(0);
  });

  it("the worker loop every instance runs makes the first attempt within 5 s of the change", async () => {
    const path = freshPath();
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(path) });
    const timer = startDeliveryWorker();
    try {
      const started = Date.now();
      await sendTestEvent(ws.owner, { endpointId: endpoint.id });
      while (receiver.to(path).length === 0 && Date.now() - started < 10_000) await sleep(50);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      clearInterval(timer);
    }
    await sleep(200); // the attempt's outcome is recorded before the endpoint is deleted
  });

  it("deliveries are listed newest first, a page at a time", async () => {
    const endpoint = await createWebhookEndpoint(ws.owner, { url: receiver.url(freshPath()) });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await sendTestEvent(ws.owner, { endpointId: endpoint.id })).deliveryId);
    const first = await listDeliveries(ws.admin, { endpointId: endpoint.id, query: { limit: "2" } });
    const second = await listDeliveries(ws.admin, { endpointId: endpoint.id, query: { limit: "2", cursor: first.nextCursor } });
    expect({ first: first.data.map((d) => d.id), second: second.data.map((d) => d.id), end: second.nextCursor }).toEqual({
      first: [ids[2], ids[1]],
      second: [ids[0]],
      end: null,
    });
    expect(first.data[0]).toMatchObject({ eventType: "webhook.test", status: "pending", attempts: 0, responseStatus: null });
  });
});

describe("key events (the outbox)", () => {
  it("a revoke produces exactly one delivery per subscribed, enabled endpoint, with the key, the actor and the audit event", async () => {
    const w = await workspace();
    const url = () => receiver.url(freshPath());
    const every = await createWebhookEndpoint(w.owner, { url: url() });
    const revokedOnly = await createWebhookEndpoint(w.owner, { url: url(), events: ["api_key.revoked"] });
    const createdOnly = await createWebhookEndpoint(w.owner, { url: url(), events: ["api_key.created"] });
    const disabled = await createWebhookEndpoint(w.owner, { url: url(), enabled: false });
    const key = await createApiKey(w.admin, { description: "webhook-payload" });
    await updateApiKey(w.admin, { keyId: key.id, changes: { description: "webhook-payload, renamed" } });
    const rolled = await rollApiKey(w.admin, { keyId: key.id, options: {} });
    await revokeApiKey(w.owner, { keyId: key.id });

    const rows = await db().webhookDelivery.findMany({
      where: { endpoint: { workspaceId: w.workspace.id } },
      orderBy: { createdAt: "asc" },
    });
    const byEndpoint = (id: string) => rows.filter((row) => row.endpointId === id).map((row) => row.eventType);
    expect({
      every: byEndpoint(every.id),
      revokedOnly: byEndpoint(revokedOnly.id),
      createdOnly: byEndpoint(createdOnly.id),
      disabled: byEndpoint(disabled.id),
    }).toEqual({
      every: ["api_key.created", "api_key.updated", "api_key.rolled", "api_key.revoked"],
      revokedOnly: ["api_key.revoked"],
      createdOnly: ["api_key.created"],
      disabled: [],
    });

    const [audit] = await db().auditEvent.findMany({ where: { workspaceId: w.workspace.id, action: "api_key.revoked", targetId: key.id } });
    const revoked = rows.filter((row) => row.eventType === "api_key.revoked");
    expect(new Set(revoked.map((row) => row.eventId)).size).toBe(1);
    const payload = revoked[0]!.payload as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(payload).toEqual({
      type: "api_key.revoked",
      timestamp: audit!.createdAt.toISOString(),
      data: {
        workspace: { id: w.workspace.id, name: w.workspace.name, slug: w.workspace.slug },
        key: expect.objectContaining({ id: key.id, status: "revoked", hint: rolled.hint, description: "webhook-payload, renamed" }),
        actor: { type: "user", id: w.owner.userId, name: w.owner.name, email: w.owner.email },
        auditEventId: audit!.id,
      },
    });

    // Never a secret: not the key's, not the endpoints' (in the rows or what was delivered).
    await drain();
    const stored = JSON.stringify(rows);
    const sent = receiver.requests.map((r) => r.body).join("\n");
    const secrets = [key.secret, rolled.secret, every.secret, revokedOnly.secret, createdOnly.secret].map((s) => s.slice(6, 30));
    expect(secrets.filter((s) => stored.includes(s) || sent.includes(s))).toEqual([]);
  });

  it("deliveries written in a transaction that rolls back do not exist", async () => {
    const w = await workspace();
    await createWebhookEndpoint(w.owner, { url: receiver.url(freshPath()) });
    let written: string[] = [];
    await expect(
      db().$transaction(async (tx) => {
        written = await enqueueWebhookEvent(tx, { workspaceId: w.workspace.id, type: "api_key.created", data: {} });
        throw new Error("the change fails after its deliveries were written");
      }),
    ).rejects.toThrow("the change fails");
    expect(written).toHaveLength(1);
    expect(await db().webhookDelivery.count({ where: { id: { in: written } } })).toBe(0);

    // The same through a real change: a revoke of an unknown key changes nothing and sends nothing.
    await expect(revokeApiKey(w.owner, { keyId: "does-not-exist" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db().webhookDelivery.count({ where: { endpoint: { workspaceId: w.workspace.id } } })).toBe(0);
  });
});
