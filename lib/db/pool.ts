// A plain `pg` pool for the few statements on the hot path of REST requests, run as named
// (prepared) statements without the ORM's per-query work: API-key authentication with
// last-used and the rate limit (lib/api-keys/authenticate.ts), the user behind a token or
// session (lib/auth/actor.ts) and the task list (lib/tasks/list.ts). Measured in README,
// Performance. Prisma (client.ts) runs on this same pool for everything else.
import pg from "pg";

const globalForPool = globalThis as unknown as { pgPool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForPool.pgPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set. Start the app with `npm start`.");
    const created = new pg.Pool({
      connectionString,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Fail fast when the database is unreachable, so requests get a 503 instead of hanging.
      connectionTimeoutMillis: 5_000,
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process.
    created.on("error", (error) => console.error(`Database connection lost: ${error.message}`));
    globalForPool.pgPool = created;
  }
  return globalForPool.pgPool;
}
