// The mail worker every instance runs (started by lib/jobs.ts), shaped like the webhook delivery
// worker (lib/webhooks/worker.ts). Every 5 seconds it claims due messages in one statement
// (`FOR UPDATE SKIP LOCKED`, a lease of 60 s: a leased row is not due), renders each for its
// recipient and hands it to the SMTP server at SMTP_URL. The outcome is written only if the lease
// is still this worker's:
//   - accepted by the server: `sent`;
//   - the recipient refused for good (a 5xx answer to RCPT TO): `refused`, with the server's answer;
//     the other recipients' rows are separate and go out as usual;
//   - anything else (no server, a timeout, a 4xx, a 5xx to anything but the recipient): pending
//     again after 5, 10, 20 s, then every 30 s, never given up, so an outage delays mail and the
//     queue drains within a minute of the server answering again.
// A worker that dies mid-send leaves its lease to expire and the message is sent again: at least
// once, as SMTP itself is.
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { execute, query, sql } from "@/lib/db/sql";
import { logger } from "@/lib/log/logger";
import { mailFrom, publicUrl, smtpUrl } from "./config";
import { NOTICE_CATEGORY, type NoticeKind } from "./kinds";
import { renderNotice, type MailData } from "./render";
import { unsubscribeUrl } from "./unsubscribe";

const LEASE_SECONDS = 60;
const MAX_BATCH = 20;
const POLL_INTERVAL_MS = 5_000;
const MAX_WAIT_SECONDS = 30;

type Claim = {
  id: string;
  lease_token: string;
  user_id: string;
  to_address: string;
  kind: NoticeKind;
  data: MailData;
  attempts: number;
};

type Outcome = { status: "sent" | "refused" | "pending"; error: string | null };

/** Claims up to `limit` due messages for this worker (a lease of 60 s each). */
async function claimDueMail(limit: number): Promise<Claim[]> {
  const token = randomUUID();
  return query<Claim>(
    sql`WITH due AS (
          SELECT "id" FROM "mail_messages"
          WHERE "next_attempt_at" <= now() AND ("leased_until" IS NULL OR "leased_until" < now())
          ORDER BY "next_attempt_at"
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        UPDATE "mail_messages" m SET "lease_token" = ${token}, "leased_until" = now() + make_interval(secs => ${LEASE_SECONDS})
        FROM due
        WHERE m."id" = due."id"
        RETURNING m."id", m."lease_token", m."user_id", m."to_address", m."kind", m."data", m."attempts"`,
  );
}

/** What one message is, as handed to the SMTP server. */
function messageFor(claim: Claim) {
  const unsubscribe = unsubscribeUrl(claim.user_id, NOTICE_CATEGORY[claim.kind]);
  const { subject, text, html } = renderNotice(claim.kind, claim.data, publicUrl(), unsubscribe);
  return {
    from: mailFrom(),
    to: claim.to_address,
    subject,
    text,
    html,
    headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

type SmtpError = Error & { code?: string; command?: string; responseCode?: number; response?: string };

async function send(transport: nodemailer.Transporter, claim: Claim): Promise<Outcome> {
  try {
    await transport.sendMail(messageFor(claim));
    return { status: "sent", error: null };
  } catch (caught) {
    const error = caught as SmtpError;
    const refused = error.command === "RCPT TO" && (error.responseCode ?? 0) >= 500;
    const message = (error.response ?? error.message).slice(0, 1024);
    if (!refused) logger().warn({ messageId: claim.id, code: error.code, error: message }, "mail not sent yet; will retry");
    return { status: refused ? "refused" : "pending", error: message };
  }
}

async function recordOutcome(claim: Claim, outcome: Outcome): Promise<void> {
  const wait = Math.min(5 * 2 ** claim.attempts, MAX_WAIT_SECONDS);
  await execute(
    sql`UPDATE "mail_messages" SET
          "attempts" = "attempts" + 1, "status" = ${outcome.status}, "last_error" = ${outcome.error},
          "next_attempt_at" = CASE WHEN ${outcome.status} = 'pending' THEN now() + make_interval(secs => ${wait}) END,
          "sent_at" = CASE WHEN ${outcome.status} = 'sent' THEN now() END,
          "lease_token" = NULL, "leased_until" = NULL
        WHERE "id" = ${claim.id} AND "lease_token" = ${claim.lease_token}`,
  );
}

/** One round: claims up to `limit` due messages, sends them in parallel; resolves with how many were claimed once all are recorded. */
export async function sendDueMail(limit = MAX_BATCH): Promise<number> {
  const url = smtpUrl();
  const claims = await claimDueMail(limit);
  if (claims.length === 0) return 0;
  const transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  try {
    await Promise.all(claims.map(async (claim) => recordOutcome(claim, await send(transport, claim))));
  } finally {
    transport.close();
  }
  return claims.length;
}

/** Deletes sent and refused messages older than 30 days (the hourly prune, lib/jobs.ts); pending ones stay. */
export function pruneMail(): Promise<number> {
  return execute(sql`DELETE FROM "mail_messages" WHERE "created_at" < now() - interval '30 days' AND "status" <> 'pending'`);
}

/** The loop of this instance: every 5 seconds, rounds until one is not full, one at a time. Without SMTP_URL mail waits in the queue. */
export function startMailWorker(): NodeJS.Timeout {
  let running = false;
  let warned = false;
  const tick = async () => {
    if (running) return;
    if (!process.env.SMTP_URL) {
      if (!warned) logger().warn("SMTP_URL is not set: e-mail notices wait in the queue until it is");
      warned = true;
      return;
    }
    running = true;
    try {
      // A full round means more may be due (a backlog after an outage): go on until one is not full.
      while ((await sendDueMail()) === MAX_BATCH);
    } catch (error) {
      logger().error({ err: error }, "mail could not be sent");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), POLL_INTERVAL_MS);
  timer.unref();
  return timer;
}
