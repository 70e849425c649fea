// The public revocation endpoint's budget: REVOCATIONS_LIMIT requests (60) per client address per
// REVOCATIONS_WINDOW_SECONDS (an hour). One atomic upsert per request on the address's row of
// revocation_requests, on the database's clock: exact under concurrency and across instances.
// A window starts with the first request after the previous one ended. Addresses are grouped as
// the failed-lookup throttle groups them (IPv6 per /64).
import { execute, query, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { throttleKey } from "@/lib/rate-limit/failed-auth";
import { revocationLimits } from "./config";

const CONSUME = `
INSERT INTO "revocation_requests" AS r ("ip", "window_start", "count")
VALUES ($1, date_trunc('milliseconds', now()), 1)
ON CONFLICT ("ip") DO UPDATE SET
  "window_start" = CASE WHEN now() < r."window_start" + make_interval(secs => $2) THEN r."window_start" ELSE date_trunc('milliseconds', now()) END,
  "count" = CASE WHEN now() < r."window_start" + make_interval(secs => $2) THEN r."count" + 1 ELSE 1 END
RETURNING "count", extract(epoch FROM r."window_start" + make_interval(secs => $2) - now())::float8 AS ends_in`;

/** Counts one request from this address; throws `rate_limited` (with the seconds to wait) when it is over. */
export async function consumeRevocationBudget(ip: string | null): Promise<void> {
  const { limit, windowSeconds } = revocationLimits();
  const [row] = await query<{ count: number; ends_in: number }>({ text: CONSUME, values: [throttleKey(ip), windowSeconds] });
  const { count, ends_in } = row!;
  if (count <= limit) return;
  const seconds = Math.max(1, Math.ceil(ends_in));
  throw new AppError("rate_limited", `Too many revocation requests from your address. Retry in ${seconds} seconds.`, {
    retryAfterSeconds: seconds,
  });
}

/** Deletes the rows of ended windows; run by the background jobs (lib/jobs.ts). */
export async function pruneRevocationRequests(): Promise<void> {
  await execute(
    sql`DELETE FROM "revocation_requests" WHERE "window_start" + make_interval(secs => ${revocationLimits().windowSeconds}) <= now()`,
  );
}
