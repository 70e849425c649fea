// Recognises "the database cannot be reached or does not answer in time" among errors from pg
// and Prisma, so callers answer 503 (try again) instead of 500, and never let a request
// through unauthenticated. The time limits themselves are set in pool.ts.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ENOENT", // the Unix socket is gone: the server is not running
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "57014", // query_canceled: statement_timeout (pool.ts) cancelled a statement
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "P1001", // Prisma: can't reach database server
  "P1017", // Prisma: server closed the connection
  "P2024", // Prisma: timed out fetching a connection from the pool
]);
const CONNECTION_MESSAGES =
  /connection terminated|connection refused|ECONNREFUSED|ECONNRESET|terminating connection|not queryable|the database system is (starting up|shutting down)|Connection ended|timeout exceeded when trying to connect|Unable to start a transaction in the given time|Query read timeout|canceling statement due to statement timeout/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (typeof current !== "object") break;
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown };
    if (typeof candidate.code === "string" && CONNECTION_CODES.has(candidate.code)) return true;
    if (typeof candidate.originalCode === "string" && CONNECTION_CODES.has(candidate.originalCode)) return true;
    if (typeof candidate.message === "string" && CONNECTION_MESSAGES.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}
