// A plain `pg` pool for the one statement on the hot path of every API-key request
// (lib/api-keys/authenticate.ts): authentication, last-used and the rate limit in a single
// round trip, without the ORM's per-query work. Everything else goes through Prisma (client.ts).
import pg from "pg";

const globalForPool = globalThis as unknown as { pgPool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForPool.pgPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set. Start the app with `npm start`.");
    const created = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5_000 });
    // An idle connection dropped by the server (restart, failover) must not crash the process.
    created.on("error", (error) => console.error(`Database connection lost: ${error.message}`));
    globalForPool.pgPool = created;
  }
  return globalForPool.pgPool;
}
