// The process's one `pg` pool. The few statements on the hot path of REST requests run on it
// directly as named (prepared) statements without the ORM's per-query work: API-key
// authentication with last-used and the rate limit (lib/api-keys/authenticate.ts), the user
// behind a token or session (lib/auth/actor.ts) and the task list (lib/tasks/list.ts).
// Measured in README, Performance. Prisma (client.ts) runs on this same pool for the rest. lib/
// runs raw statements through sql.ts, never on the pool or Prisma directly.
//
// Every wait on the database is bounded (DATABASE_STATEMENT_TIMEOUT_MS), so a database that
// is down, hung or overloaded turns into a 503 within seconds instead of a request that hangs:
//   statement_timeout   the server cancels a statement that runs longer (the connection stays usable)
//   query_timeout       the client gives up on a server that does not answer at all (a hung or
//                       stopped server cannot cancel anything); that connection is closed, never reused
//   connectionTimeoutMillis  waiting for a new connection or a free one from the pool
//   keepAlive           TCP keep-alive, so a peer that vanished is noticed on idle connections
import pg from "pg";
import { logger } from "@/lib/log/logger";

const globalForPool = globalThis as unknown as { pgPool?: pg.Pool; pgTimeouts?: { server: number; client: number } };
const timeouts = (globalForPool.pgTimeouts ??= { server: 0, client: 0 });

/** Milliseconds a statement may run, and how long a connection may take; default 3 s. */
function statementTimeoutMs(): number {
  const value = Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS || 3_000);
  if (!Number.isInteger(value) || value <= 0) throw new Error("DATABASE_STATEMENT_TIMEOUT_MS must be a positive integer.");
  return value;
}

/** The client waits this much longer than the server's own limit, so the server's cancel wins when it can. */
const CLIENT_GRACE_MS = 500;

const READ_TIMEOUT = "Query read timeout"; // pg's message when query_timeout passes
const STATEMENT_TIMEOUT = "canceling statement due to statement timeout"; // PostgreSQL's, code 57014

/**
 * A client that closes its connection when the server did not answer in time. pg leaves such
 * a connection with the unanswered statement still pending; handed back to the pool (as
 * Prisma's transactions do, without an error), every later statement would queue behind it.
 */
class BoundedClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query() has a dozen overloads; this only observes the outcome.
  override query(...args: any[]): any {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (error: unknown, result: unknown) => {
        this.afterError(error);
        callback(error, result);
      };
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as (...a: any[]) => any)(...args);
    if (result instanceof Promise) result.catch((error: unknown) => this.afterError(error));
    return result;
  }

  /** Counts the statement timeouts (for the metrics) and closes a connection that did not answer. */
  private afterError(error: unknown) {
    if (error instanceof Error && error.message === STATEMENT_TIMEOUT) timeouts.server++;
    if (error instanceof Error && error.message === READ_TIMEOUT) {
      timeouts.client++;
      // With a statement still pending, end() destroys the socket at once; the pool then
      // drops this client when it is released (or has already dropped it).
      this.end().catch(() => {});
    }
  }
}

export function pool(): pg.Pool {
  if (!globalForPool.pgPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set. Start the app with `npm start`.");
    const timeout = statementTimeoutMs();
    const created = new pg.Pool({
      Client: BoundedClient,
      connectionString,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connectionTimeoutMillis: timeout,
      statement_timeout: timeout,
      query_timeout: timeout + CLIENT_GRACE_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process.
    created.on("error", (error) => logger().error(`Database connection lost: ${error.message}`));
    globalForPool.pgPool = created;
  }
  return globalForPool.pgPool;
}

/** The pool's state for the metrics (lib/metrics/registry.ts), without creating the pool. */
export function poolStats() {
  const created = globalForPool.pgPool;
  const total = created?.totalCount ?? 0;
  const idle = created?.idleCount ?? 0;
  return {
    inUse: total - idle,
    idle,
    waiting: created?.waitingCount ?? 0,
    max: created?.options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    timeouts: { ...timeouts },
  };
}
