import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";
import { createEmptyDatabase } from "./setup/databases";

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const migrationNames = async () =>
  (await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe("migrations", () => {
  it("apply each migration exactly once when two processes start at the same time", async () => {
    const url = await createEmptyDatabase();
    const [first, second] = await Promise.all([migrate(url), migrate(url)]);
    const rows = await query<{ migration_name: string }>(
      url,
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect({ applied: [...first, ...second].sort(), recorded: rows.map((r) => r.migration_name) }).toEqual({
      applied: await migrationNames(),
      recorded: await migrationNames(),
    });
  });

  it("record Prisma's SHA-256 checksum of each migration.sql, so `prisma migrate deploy` agrees", async () => {
    const url = await createEmptyDatabase();
    await migrate(url);
    const rows = await query<{ migration_name: string; checksum: string }>(
      url,
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const expected = await Promise.all(
      (await migrationNames()).map(async (name) => ({
        migration_name: name,
        checksum: createHash("sha256")
          .update(await readFile(path.join(DEFAULT_MIGRATIONS_DIR, name, "migration.sql")))
          .digest("hex"),
      })),
    );
    expect(rows).toEqual(expected);
  });

  it("do nothing on a database that is up to date", async () => {
    const url = await createEmptyDatabase();
    await migrate(url);
    expect(await migrate(url)).toEqual([]);
  });

  it("refuse to start when an applied migration was edited afterwards", async () => {
    const url = await createEmptyDatabase();
    await migrate(url);
    const edited = await mkdtemp(path.join(tmpdir(), "one-migrations-"));
    await cp(DEFAULT_MIGRATIONS_DIR, edited, { recursive: true });
    const [first] = await migrationNames();
    await appendFile(path.join(edited, first!, "migration.sql"), "\n-- edited\n");
    await expect(migrate(url, edited)).rejects.toThrow(/was changed after it was applied/);
  });
});
