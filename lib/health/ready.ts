// Readiness: can this process use its database right now? One round trip on the app's own
// pool (the connections requests use), bounded in time so a hung server reads as "not ready".
import { execute, sql } from "@/lib/db/sql";

const READY_TIMEOUT_MS = 2_000;

/** Resolves after one `SELECT 1` on the pool; rejects when it fails or takes over 2 s. */
export async function checkDatabaseReady(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the database within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([execute(sql`SELECT 1`), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
