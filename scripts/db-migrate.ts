// `npm run db:migrate`: applies prisma/migrations/* to DATABASE_URL and exits — the deployment
// step that runs before new app instances start (docs/deploy.md). The launchers apply the same
// migrations at start too; several processes at once are safe (lib/db/migrate.ts takes an
// advisory lock, and each migration is applied once).
import { migrate } from "../lib/db/migrate";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set: it names the PostgreSQL database to migrate.");
  process.exit(1);
}
try {
  const applied = await migrate(databaseUrl);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "The database is up to date: no migration to apply.");
} catch (error) {
  console.error(`Migrations failed: ${(error as Error).message}`);
  process.exit(1);
}
