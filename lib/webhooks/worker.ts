// The delivery worker every instance runs (started by lib/jobs.ts). Each second it claims due
// deliveries and attempts them; several instances share the queue without running an attempt twice
// at the same time:
//   - claiming is one statement: due rows of enabled endpoints, `FOR UPDATE SKIP LOCKED` (a row
//     another worker is claiming is skipped, not waited for), stamped with a lease (a random token
//     and a time 30 s ahead, three times the attempt's timeout). A leased row is not due.
//   - the attempt's outcome is written only if the lease is still this worker's (the token), in one
//     transaction with the endpoint's failure count.
//   - a worker that dies mid-attempt leaves its lease to expire; the row is then due again and another
//     worker redoes the attempt (at least once; the receiver deduplicates by webhook-id).
// A delivered attempt resets the endpoint's count of failed deliveries; a delivery that uses up the
// retry schedule ends `failed`, and the fifth in a row disables the endpoint ("failing") and e-mails
// the workspace's owners and admins in the same transaction (lib/mail).
//
// Why not graphile-worker or pg-boss: the delivery row is already the state the API shows (status,
// attempts, next attempt) and must be written in the change's transaction; a job table beside it
// would be a second copy to keep in step. graphile-worker only takes over a crashed worker's job
// after 4 hours, and both have their own backoff, where ours is a fixed list. docs/webhooks.md.
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db/client";
import { execute, query, sql } from "@/lib/db/sql";
import { logger } from "@/lib/log/logger";
import { enqueueNotice } from "@/lib/mail/enqueue";
import { retrySchedule } from "./config";
import { ATTEMPT_TIMEOUT_MS, postWebhook, type AttemptResult } from "./send";
import { decryptWebhookSecret } from "./secret";

const LEASE_SECONDS = (3 * ATTEMPT_TIMEOUT_MS) / 1000;
/** Deliveries in a row that end failed before the endpoint is disabled. */
const FAILURES_TO_DISABLE = 5;
const MAX_IN_FLIGHT = 20;
const POLL_INTERVAL_MS = 1_000;

export type Claim = {
  id: string;
  lease_token: string;
  event_id: string;
  payload: unknown;
  attempts: number;
  endpoint_id: string;
  url: string;
  secret_encrypted: string;
  previous_secret_encrypted: string | null;
};

/** Claims up to `limit` due deliveries for this worker (a lease of 30 s each). */
export async function claimDueDeliveries(limit: number): Promise<Claim[]> {
  const token = randomUUID();
  return query<Claim>(
    sql`WITH due AS (
          SELECT d."id" FROM "webhook_deliveries" d JOIN "webhook_endpoints" e ON e."id" = d."endpoint_id"
          WHERE d."next_attempt_at" <= now() AND (d."leased_until" IS NULL OR d."leased_until" < now()) AND e."enabled"
          ORDER BY d."next_attempt_at"
          LIMIT ${limit}
          FOR UPDATE OF d SKIP LOCKED
        )
        UPDATE "webhook_deliveries" d SET "lease_token" = ${token}, "leased_until" = now() + make_interval(secs => ${LEASE_SECONDS})
        FROM due, "webhook_endpoints" e
        WHERE d."id" = due."id" AND e."id" = d."endpoint_id"
        RETURNING d."id", d."lease_token", d."event_id", d."payload", d."attempts", e."id" AS endpoint_id, e."url", e."secret_encrypted",
                  CASE WHEN e."previous_secret_expires_at" > now() THEN e."previous_secret_encrypted" END AS previous_secret_encrypted`,
  );
}

/** The webhook-* headers: one `v1,` signature per secret that signs now, space-separated. */
function signatureHeaders(eventId: string, body: string, secrets: string[], at = new Date()): Record<string, string> {
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((secret) => new Webhook(secret).sign(eventId, at, body)).join(" "),
  };
}

/** Makes the claimed attempt and records its outcome (unless the lease was lost meanwhile). */
export async function attemptDelivery(claim: Claim): Promise<void> {
  const body = JSON.stringify(claim.payload);
  let result: AttemptResult;
  try {
    const secrets = [claim.secret_encrypted, ...(claim.previous_secret_encrypted ? [claim.previous_secret_encrypted] : [])].map(
      decryptWebhookSecret,
    );
    result = await postWebhook(claim.url, body, signatureHeaders(claim.event_id, body, secrets));
  } catch (error) {
    logger().error({ err: error, deliveryId: claim.id }, "webhook attempt could not be made");
    result = {
      delivered: false,
      responseStatus: null,
      responseBody: null,
      durationMs: 0,
      error: "The attempt could not be made on our side.",
    };
  }
  await recordOutcome(claim, result);
}

async function recordOutcome(claim: Claim, result: AttemptResult): Promise<void> {
  const schedule = retrySchedule();
  const attempts = claim.attempts + 1;
  // After the n-th failed attempt, the n-th wait of the schedule; none left: failed.
  const wait = result.delivered ? null : (schedule[attempts - 1] ?? null);
  const status = result.delivered ? "delivered" : wait === null ? "failed" : "pending";
  await db().$transaction(async (tx) => {
    const updated = await execute(
      sql`UPDATE "webhook_deliveries" SET
            "attempts" = "attempts" + 1, "status" = ${status},
            "next_attempt_at" = CASE WHEN ${status} = 'pending' THEN now() + make_interval(secs => ${wait ?? 0}) END,
            "response_status" = ${result.responseStatus}::int, "duration_ms" = ${result.durationMs}::int,
            "last_error" = ${result.error}, "response_body" = ${result.responseBody},
            "lease_token" = NULL, "leased_until" = NULL
          WHERE "id" = ${claim.id} AND "lease_token" = ${claim.lease_token}`,
      tx,
    );
    if (updated === 0 || status === "pending") return;
    if (status === "delivered") {
      await execute(
        sql`UPDATE "webhook_endpoints" SET "consecutive_failures" = 0 WHERE "id" = ${claim.endpoint_id} AND "consecutive_failures" <> 0`,
        tx,
      );
      return;
    }
    // `disabled_now`: this failure is the one that disabled it. Each failure adds one under the row's
    // lock and enabling resets the count, so exactly one failure brings a failing endpoint to the limit.
    const [endpoint] = await query<{ workspace_id: string; url: string; description: string; disabled_now: boolean }>(
      sql`UPDATE "webhook_endpoints" SET
            "consecutive_failures" = "consecutive_failures" + 1,
            "disabled_reason" = CASE WHEN "enabled" AND "consecutive_failures" + 1 >= ${FAILURES_TO_DISABLE} THEN 'failing' ELSE "disabled_reason" END,
            "enabled" = "enabled" AND "consecutive_failures" + 1 < ${FAILURES_TO_DISABLE}
          WHERE "id" = ${claim.endpoint_id}
          RETURNING "workspace_id", "url", "description",
                    "disabled_reason" = 'failing' AND "consecutive_failures" = ${FAILURES_TO_DISABLE} AS disabled_now`,
      tx,
    );
    if (!endpoint?.disabled_now) return;
    // Owners and admins are e-mailed (lib/mail), in the transaction that disables it.
    await enqueueNotice(tx, {
      kind: "webhook_failing",
      workspaceId: endpoint.workspace_id,
      targetId: claim.endpoint_id,
      occurrence: claim.id,
      // The host only: a webhook URL's path or query may itself be a credential.
      data: { endpoint: { id: claim.endpoint_id, host: new URL(endpoint.url).host, description: endpoint.description } },
    });
  });
}

/** One round: claims up to `limit` due deliveries and attempts them in parallel; resolves when all are recorded. */
export async function deliverDueWebhooks(limit = MAX_IN_FLIGHT): Promise<number> {
  const claims = await claimDueDeliveries(limit);
  await Promise.all(claims.map(attemptDelivery));
  return claims.length;
}

/** Deletes deliveries older than 30 days (the hourly prune, lib/jobs.ts). */
export function pruneDeliveries(): Promise<number> {
  return execute(sql`DELETE FROM "webhook_deliveries" WHERE "created_at" < now() - interval '30 days'`);
}

/**
 * The loop of this instance: every second, claims as many due deliveries as it has room for (at
 * most 20 attempts in flight), so a slow receiver does not hold up the others.
 */
export function startDeliveryWorker(): NodeJS.Timeout {
  let inFlight = 0;
  let claiming = false;
  const tick = async () => {
    if (claiming || inFlight >= MAX_IN_FLIGHT) return;
    claiming = true;
    try {
      const claims = await claimDueDeliveries(MAX_IN_FLIGHT - inFlight);
      for (const claim of claims) {
        inFlight++;
        void attemptDelivery(claim)
          .catch((error: Error) => logger().error({ err: error, deliveryId: claim.id }, "webhook outcome could not be recorded"))
          .finally(() => inFlight--);
      }
    } catch (error) {
      logger().error({ err: error }, "webhook deliveries could not be claimed");
    } finally {
      claiming = false;
    }
  };
  const timer = setInterval(() => void tick(), POLL_INTERVAL_MS);
  timer.unref();
  return timer;
}
