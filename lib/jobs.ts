// Background work every app instance runs (started once per server process by instrumentation.ts):
//   - record retired previous secrets (lib/api-keys/retire.ts): at least once a minute; instances
//     racing on the same secret record it exactly once;
//   - warn about and revoke keys the key policy says are unused (lib/api-keys/unused.ts): every
//     5 minutes; instances racing warn and revoke each key once;
//   - deliver webhooks (lib/webhooks/worker.ts): every second, claiming due deliveries so that
//     instances never run the same attempt at the same time;
//   - queue the expiry e-mails of keys whose notice moment has passed (lib/mail/expiry.ts): every
//     30 seconds; instances racing queue each notice once;
//   - send queued e-mail (lib/mail/worker.ts): every 5 seconds, claiming like the webhook worker;
//   - delete usage rows past their retention, failed-lookup rows of ended windows, and webhook
//     deliveries and sent e-mail older than 30 days: hourly.
// Failures (e.g. the database briefly down) are logged and retried at the next tick.
import "server-only";
import { retirePreviousSecrets } from "@/lib/api-keys/retire";
import { revokeUnusedKeys } from "@/lib/api-keys/unused";
import { db } from "@/lib/db/client";
import { sweepExpiryNotices } from "@/lib/mail/expiry";
import { pruneMail, startMailWorker } from "@/lib/mail/worker";
import { pruneFailedAttempts } from "@/lib/rate-limit/failed-auth";
import { pruneRevocationRequests } from "@/lib/leaks/revocation-limit";
import { pruneUsage } from "@/lib/usage/counter";
import { pruneDeliveries, startDeliveryWorker } from "@/lib/webhooks/worker";

const SWEEP_INTERVAL_MS = 30_000;
const PRUNE_INTERVAL_MS = 60 * 60_000;
const UNUSED_INTERVAL_MS = 5 * 60_000;

/** Records every previous secret whose moment to retire has passed; returns how many. */
export function sweepRetiredSecrets(): Promise<number> {
  return db().$transaction((tx) => retirePreviousSecrets(tx, null));
}

async function prune(): Promise<void> {
  await pruneUsage();
  await pruneFailedAttempts();
  await pruneRevocationRequests();
  await pruneDeliveries();
  await pruneMail();
}

const globalForJobs = globalThis as unknown as { oneJobs?: NodeJS.Timeout[] };

export function startBackgroundJobs(): void {
  if (globalForJobs.oneJobs) return;
  const every = (ms: number, name: string, job: () => Promise<unknown>) => {
    const run = () => void job().catch((error: Error) => console.error(`Background job "${name}" failed: ${error.message}`));
    const timer = setInterval(run, ms);
    timer.unref();
    setTimeout(run, 1_000).unref();
    return timer;
  };
  globalForJobs.oneJobs = [
    every(SWEEP_INTERVAL_MS, "record retired secrets", sweepRetiredSecrets),
    every(PRUNE_INTERVAL_MS, "prune old rows", prune),
    every(UNUSED_INTERVAL_MS, "revoke unused keys", revokeUnusedKeys),
    every(SWEEP_INTERVAL_MS, "queue key expiry e-mail", sweepExpiryNotices),
    startDeliveryWorker(),
    startMailWorker(),
  ];
}
