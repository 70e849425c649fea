// What PostgreSQL's busy backends are doing during a load run: pg_stat_activity sampled every
// 20 ms on a connection of its own. The share of samples waiting on a heavyweight lock
// ("Lock": a row or transaction lock, e.g. the rate-limit row) says whether requests queue
// behind each other in the database.
import pg from "pg";

export type Waits = { samples: number; lockShare: number; byEvent: Record<string, number> };

export async function sampleWaits(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let running = true;
  let samples = 0;
  const byEvent: Record<string, number> = {};
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ event: string | null }>(
        `SELECT wait_event_type || ':' || wait_event AS event FROM pg_stat_activity
         WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname = current_database()`,
      );
      for (const { event } of rows) {
        samples++;
        const key = event ?? "CPU";
        byEvent[key] = (byEvent[key] ?? 0) + 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop(): Promise<Waits> {
      running = false;
      await loop;
      await client.end();
      const locks = Object.entries(byEvent)
        .filter(([key]) => key.startsWith("Lock:"))
        .reduce((sum, [, n]) => sum + n, 0);
      return { samples, lockShare: samples ? locks / samples : 0, byEvent };
    },
  };
}
