// E-mail notices against a real PostgreSQL and a real SMTP server (tests/helpers/smtp.ts) on a free
// port: each notice queued once per key, kind and recipient in the transaction that causes it,
// whatever races; sent once by workers racing; preferences read at queue time; an SMTP outage
// delays and loses nothing; a refused recipient does not hold up the others; the expiry moments
// (7 days, 1 day, expired) with the "had more than N days left when set" rule, catch-up after
// downtime and re-arming; the unsubscribe link; the preferences endpoint. Time passing is played
// by moving a key's expiry and the moment it was set back together. The workers are driven by
// hand (sendDueMail, sweepExpiryNotices), as each instance's loops drive them.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as preferencesGet, PUT as preferencesPut } from "@/app/api/v1/me/notification-preferences/route";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/unsubscribe/route";
import { createApiKey } from "@/lib/api-keys/create";
import { revokeUnusedKeys } from "@/lib/api-keys/unused";
import { updateApiKey } from "@/lib/api-keys/update";
import { db } from "@/lib/db/client";
import { execute, query, sql } from "@/lib/db/sql";
import { requestRevocations } from "@/lib/leaks/revocations";
import { sweepExpiryNotices } from "@/lib/mail/expiry";
import { renderNotice } from "@/lib/mail/render";
import { getNotificationPreferences, putNotificationPreferences } from "@/lib/mail/preferences";
import { sendDueMail, startMailWorker } from "@/lib/mail/worker";
import { createWorkspace } from "./fixtures";
import { outcome } from "./helpers/outcome";
import { TestSmtpServer, type Received } from "./helpers/smtp";

const APP = "https://one.example.test";
const DEFAULTS = { keyExpiring: true, keyExposed: true, keyUnused: true, webhookFailing: true, keyNewAddress: false };
const smtp = new TestSmtpServer();

beforeAll(async () => {
  await smtp.start();
  process.env.SMTP_URL = smtp.url;
  process.env.AUTH_URL = APP;
});
afterAll(() => smtp.stop());

/** Rounds of the mail worker until nothing is due (other files' notices go to this server too). */
async function drain() {
  for (let round = 0; round < 50; round++) if ((await sendDueMail()) === 0) return;
}

/** The public revocation endpoint, from an address of this file's own (its budget is per address). */
const leak = (secret: string) => requestRevocations({ ip: "198.51.100.91", userAgent: "vitest" }, { tokens: [secret] });

/** Time passing for a key: its expiry and the moment it was set move back together. */
const pass = (keyId: string, interval: string) =>
  execute(
    sql`UPDATE "api_keys" SET "expires_at" = "expires_at" - ${interval}::interval, "expiry_set_at" = "expiry_set_at" - ${interval}::interval,
          "created_at" = "created_at" - ${interval}::interval
        WHERE "id" = ${keyId}`,
  );

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const queued = (targetId: string) =>
  query<{ user_id: string; kind: string; status: string; attempts: number; last_error: string | null }>(
    sql`SELECT "user_id", "kind", "status", "attempts", "last_error" FROM "mail_messages" WHERE "target_id" = ${targetId} ORDER BY "created_at", "user_id"`,
  );

async function workspaceWithKey(description: string, expiresAt?: string) {
  const ws = await createWorkspace();
  const key = await createApiKey(ws.owner, { description, ...(expiresAt ? { expiresAt } : {}) });
  return { ws, key };
}

const subjects = (messages: Received[]) => messages.map((message) => message.subject);

describe("e-mail notices", () => {
  it("a leaked key: one e-mail to each owner and admin (none to members) with the link, the unsubscribe headers and no secret, however many reports and workers race", async () => {
    const { ws, key } = await workspaceWithKey("ci-production");
    await Promise.all([leak(key.secret), leak(key.secret), leak(key.secret)]);
    expect((await queued(key.id)).map((row) => row.kind)).toEqual(["key_exposed", "key_exposed"]);

    await Promise.all([sendDueMail(), sendDueMail(), sendDueMail()]);
    await drain();
    const [toOwner, toAdmin, toMember] = [smtp.to(ws.owner.email), smtp.to(ws.admin.email), smtp.to(ws.member.email)];
    expect({ owner: toOwner.length, admin: toAdmin.length, member: toMember.length }).toEqual({ owner: 1, admin: 1, member: 0 });

    const message = toOwner[0]!;
    const unsubscribe = message.headers.get("list-unsubscribe") ?? "";
    expect({
      subject: message.subject,
      from: message.from,
      recipients: message.recipients,
      linkInText: message.text.includes(`${APP}/settings/developer/api-keys/${key.id}`),
      linkInHtml: message.html.includes(`href="${APP}/settings/developer/api-keys/${key.id}"`),
      says: message.text.includes("reported as leaked through the public revocation endpoint"),
      unsubscribe: /^<https:\/\/one\.example\.test\/api\/unsubscribe\?token=[\w.-]+>$/.test(unsubscribe),
      unsubscribePost: message.headers.get("list-unsubscribe-post"),
      secret: [message.raw, message.text, message.html].some((part) => part.includes(key.secret) || part.includes(key.secret.slice(8))),
    }).toEqual({
      subject: `[${ws.workspace.name}] API key "ci-production" was leaked and has been revoked`,
      from: "One <no-reply@localhost>",
      recipients: [ws.owner.email],
      linkInText: true,
      linkInHtml: true,
      says: true,
      unsubscribe: true,
      unsubscribePost: "List-Unsubscribe=One-Click",
      secret: false,
    });
    expect((await queued(key.id)).map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  it("preferences are read when a notice is queued: an admin who turned the category off gets nothing, the owner still does", async () => {
    const { ws, key } = await workspaceWithKey("billing");
    await putNotificationPreferences(ws.admin, { ...DEFAULTS, keyExposed: false });
    await leak(key.secret);
    await drain();
    expect({ owner: smtp.to(ws.owner.email).length, admin: smtp.to(ws.admin.email).length }).toEqual({ owner: 1, admin: 0 });
  });

  it("with the SMTP server down, mail waits (nothing lost) and goes out once when it answers again", async () => {
    const { ws, key } = await workspaceWithKey("outage");
    await smtp.stop();
    try {
      await leak(key.secret);
      await drain();
      const waiting = await queued(key.id);
      expect(waiting.map((row) => [row.status, row.attempts > 0, row.last_error !== null])).toEqual([
        ["pending", true, true],
        ["pending", true, true],
      ]);
    } finally {
      await smtp.start();
    }
    await sleep(5_500); // the first retry is 5 s after the failed attempt
    await drain();
    expect({ owner: smtp.to(ws.owner.email).length, admin: smtp.to(ws.admin.email).length }).toEqual({ owner: 1, admin: 1 });
    await drain();
    expect((await queued(key.id)).map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(smtp.to(ws.owner.email).length).toBe(1);
  });

  it("each instance's loop (startMailWorker) sends queued mail within seconds", async () => {
    const { ws, key } = await workspaceWithKey("loop");
    await leak(key.secret);
    const timer = startMailWorker();
    try {
      for (let waited = 0; waited < 15_000 && smtp.to(ws.admin.email).length + smtp.to(ws.owner.email).length < 2; waited += 250)
        await sleep(250);
    } finally {
      clearInterval(timer);
    }
    expect({ owner: smtp.to(ws.owner.email).length, admin: smtp.to(ws.admin.email).length }).toEqual({ owner: 1, admin: 1 });
  });

  it("a recipient the server refuses for good is recorded as refused, and the others still get theirs", async () => {
    const { ws, key } = await workspaceWithKey("refused");
    const refusedAddress = `refuse-${randomBytes(4).toString("hex")}@example.test`;
    await db().user.update({ where: { id: ws.admin.userId }, data: { email: refusedAddress } });
    await leak(key.secret);
    await drain();
    const rows = await queued(key.id);
    expect({
      owner: smtp.to(ws.owner.email).length,
      admin: rows.find((row) => row.user_id === ws.admin.userId),
    }).toMatchObject({ owner: 1, admin: { status: "refused", attempts: 1, last_error: expect.stringContaining("550") } });
  });
});

describe("a disabled webhook endpoint's notice", () => {
  it("names the workspace and the endpoint's host, never its path or query, in both parts", () => {
    const workspace = { id: "ws1", name: "Acme", slug: "acme" };
    const endpoint = { id: "ep1", host: "hooks.example.test", description: "billing" };
    const message = renderNotice("webhook_failing", { workspace, endpoint }, APP, `${APP}/api/unsubscribe?token=t`);
    expect({
      subject: message.subject,
      text: message.text.includes("webhook endpoint on hooks.example.test (billing) of Acme failed"),
      html: message.html.includes("webhook endpoint on hooks.example.test (billing) of Acme failed"),
      unsubscribe: message.html.includes(`href="${APP}/api/unsubscribe?token=t"`),
    }).toEqual({
      subject: "[Acme] Webhook endpoint on hooks.example.test was disabled after failing",
      text: true,
      html: true,
      unsubscribe: true,
    });
  });
});

describe("expiry notices", () => {
  it("a key created with 3 days left gets no 7-day notice, but its 1-day notice and then its expired notice", async () => {
    const { ws, key } = await workspaceWithKey("three-days", inDays(3));
    await sweepExpiryNotices();
    expect(await queued(key.id)).toEqual([]);
    await pass(key.id, "2 days 1 hour");
    await sweepExpiryNotices();
    await drain(); // one notice at a time: messages of one round are sent in parallel, in no set order
    await pass(key.id, "1 day");
    await sweepExpiryNotices();
    await drain();
    expect(subjects(smtp.to(ws.owner.email))).toEqual([
      `[${ws.workspace.name}] API key "three-days" expires in 1 day`,
      `[${ws.workspace.name}] API key "three-days" has expired`,
    ]);
    expect(smtp.to(ws.admin.email)).toHaveLength(2);
  });

  it("a key created 1 day and 90 s before its expiry gets its 1-day notice at the next sweep after the moment, and no 7-day notice", async () => {
    const { ws, key } = await workspaceWithKey("day-and-a-half-minute", new Date(Date.now() + 86_400_000 + 90_000).toISOString());
    await sweepExpiryNotices();
    expect(await queued(key.id)).toEqual([]);
    await pass(key.id, "91 seconds");
    await sweepExpiryNotices();
    await drain();
    expect(subjects(smtp.to(ws.owner.email))).toEqual([`[${ws.workspace.name}] API key "day-and-a-half-minute" expires in 1 day`]);
  });

  it("a 30-day key gets its 7-day notice once however many sweepers race, and a new expiry re-arms it", async () => {
    const { ws, key } = await workspaceWithKey("thirty-days", inDays(30));
    await pass(key.id, "23 days 1 minute");
    const counts = await Promise.all([sweepExpiryNotices(), sweepExpiryNotices(), sweepExpiryNotices()]);
    expect(counts.filter((count) => count > 0)).toHaveLength(1);
    await drain();
    const seven = `[${ws.workspace.name}] API key "thirty-days" expires in 7 days`;
    expect(subjects(smtp.to(ws.owner.email))).toEqual([seven]);
    expect(smtp.to(ws.owner.email)[0]!.text).toContain(`${APP}/settings/developer/api-keys/${key.id}`);

    await updateApiKey(ws.owner, { keyId: key.id, changes: { expiresAt: inDays(20) } });
    await sweepExpiryNotices();
    await pass(key.id, "13 days 1 minute");
    await sweepExpiryNotices();
    await drain();
    expect(subjects(smtp.to(ws.owner.email))).toEqual([seven, seven]);
    expect(subjects(smtp.to(ws.admin.email))).toEqual([seven, seven]);
  });

  it("moments passed while the app was down: only the latest is sent (no 7-day notice with less than a day left)", async () => {
    const { ws, key: halfDay } = await workspaceWithKey("half-a-day-left", inDays(30));
    const expired = await createApiKey(ws.owner, { description: "expired-while-down", expiresAt: inDays(30) });
    await pass(halfDay.id, "29 days 12 hours");
    await pass(expired.id, "31 days");
    await sweepExpiryNotices();
    await drain();
    expect(subjects(smtp.to(ws.owner.email)).sort()).toEqual(
      [
        `[${ws.workspace.name}] API key "half-a-day-left" expires in 1 day`,
        `[${ws.workspace.name}] API key "expired-while-down" has expired`,
      ].sort(),
    );
  });
});

describe("unused keys", () => {
  it("a key about to be revoked as unused: one e-mail per owner and admin, queued with the warning, however many instances warn", async () => {
    const { ws, key } = await workspaceWithKey("idle");
    await execute(sql`UPDATE "workspaces" SET "api_key_revoke_unused_days" = 10 WHERE "id" = ${ws.workspace.id}`);
    await execute(sql`UPDATE "api_keys" SET "created_at" = now() - interval '4 days' WHERE "id" = ${key.id}`);
    await Promise.all([revokeUnusedKeys(), revokeUnusedKeys()]);
    expect((await queued(key.id)).map((row) => row.kind)).toEqual(["key_unused", "key_unused"]);
    await drain();
    expect(subjects(smtp.to(ws.admin.email))).toEqual([`[${ws.workspace.name}] API key "idle" will be revoked in 7 days as unused`]);
  });
});

describe("the unsubscribe link", () => {
  const form = () => new URLSearchParams({ "List-Unsubscribe": "One-Click" });
  const post = (url: string, body: URLSearchParams | null = form()) =>
    unsubscribePost(new Request(url, { method: "POST", body }), { params: Promise.resolve({}) });

  it("turns its category off for its recipient only, by a mail client's POST or the page's button; forged or altered links change nothing", async () => {
    const { ws, key } = await workspaceWithKey("unsubscribe");
    await leak(key.secret);
    await drain();
    const url = smtp.to(ws.owner.email)[0]!.headers.get("list-unsubscribe")!.slice(1, -1);
    const token = new URL(url).searchParams.get("token")!;
    const [user, category, signature] = token.split(".");
    const adminToken = `${Buffer.from(ws.admin.userId).toString("base64url")}.${category}.${signature}`;
    const local = (t: string) => `http://localhost/api/unsubscribe?token=${encodeURIComponent(t)}`;

    const page = await unsubscribeGet(new Request(local(token)), { params: Promise.resolve({}) });
    expect({ status: page.status, form: (await page.text()).includes('name="List-Unsubscribe" value="One-Click"') }).toEqual({
      status: 200,
      form: true,
    });

    const refused = await Promise.all(
      [
        `${user}.keyUnused.${signature}`, // another category
        adminToken, // another person
        `${user}.${category}.${signature!.slice(0, -2)}AA`, // another signature
        "garbage",
      ].map(async (forged) => (await post(local(forged))).status),
    );
    const noToken = (await post("http://localhost/api/unsubscribe")).status;
    const noForm = (await post(local(token), null)).status;
    expect({ refused, noToken, noForm }).toEqual({ refused: [403, 403, 403, 403], noToken: 403, noForm: 400 });
    expect([await getNotificationPreferences(ws.owner), await getNotificationPreferences(ws.admin)]).toEqual([DEFAULTS, DEFAULTS]);

    const first = await post(local(token));
    const again = await post(local(token));
    expect({ first: first.status, again: again.status, says: (await first.text()).includes("Unsubscribed") }).toEqual({
      first: 200,
      again: 200,
      says: true,
    });
    expect([await getNotificationPreferences(ws.owner), await getNotificationPreferences(ws.admin)]).toEqual([
      { ...DEFAULTS, keyExposed: false },
      DEFAULTS,
    ]);
  });
});

describe("GET|PUT /api/v1/me/notification-preferences", () => {
  it("the defaults, then the whole object as PUT; for members too; a bad body is 400 naming the field", async () => {
    const ws = await createWorkspace();
    expect(await getNotificationPreferences(ws.member)).toEqual(DEFAULTS);
    const wanted = { keyExpiring: false, keyExposed: true, keyUnused: false, webhookFailing: true, keyNewAddress: true };
    expect(await putNotificationPreferences(ws.member, wanted)).toEqual(wanted);
    expect(await getNotificationPreferences(ws.member)).toEqual(wanted);
    expect(await getNotificationPreferences(ws.outsider)).toEqual(DEFAULTS);

    const partial = await putNotificationPreferences(ws.owner, { keyExpiring: false }).catch(
      (error: { code: string; fields: object }) => error,
    );
    expect(partial).toMatchObject({ code: "invalid_input", fields: { keyExposed: expect.any(String), keyNewAddress: expect.any(String) } });
    const wrongType = await putNotificationPreferences(ws.owner, { ...DEFAULTS, keyUnused: "no" }).catch(
      (error: { fields: object }) => error,
    );
    expect(wrongType).toMatchObject({ fields: { keyUnused: "keyUnused must be true or false." } });
    expect(await getNotificationPreferences(ws.owner)).toEqual(DEFAULTS);
  });

  it("API keys get 403 on both methods", async () => {
    const ws = await createWorkspace();
    const { secret } = await createApiKey(ws.owner, { description: "preferences" });
    const request = (method: string) =>
      new Request("http://localhost/api/v1/me/notification-preferences", {
        method,
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        ...(method === "PUT" ? { body: JSON.stringify(DEFAULTS) } : {}),
      });
    const context = { params: Promise.resolve({}) };
    const [get, put] = [await preferencesGet(request("GET"), context), await preferencesPut(request("PUT"), context)];
    expect([get.status, put.status]).toEqual([403, 403]);
    expect(await outcome(() => getNotificationPreferences(ws.owner))).toBe("ok");
  });
});
