// A database that stops answering (its processes SIGSTOPped: connections stay open, nothing
// replies) must cost a request seconds, not forever: every statement and every wait for a
// connection is bounded (lib/db/pool.ts), the answer is a 503 with Retry-After, the dashboard
// says "briefly unavailable", and a connection that timed out is never reused.
// This file runs its own embedded PostgreSQL, so stopping it cannot disturb other test files.
import { execFileSync } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listTasksRoute } from "@/app/api/v1/workspaces/[workspaceId]/tasks/route";
import { createApiKey } from "@/lib/api-keys/create";
import { listApiKeys } from "@/lib/api-keys/list";
import { db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { pool } from "@/lib/db/pool";
import { UNAVAILABLE_MESSAGE } from "@/lib/errors";
import { toActionResult } from "@/lib/ui/server/action-result";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/scripts/embedded-postgres";
import { freePort } from "@/scripts/free-port";
import { createWorkspace } from "./fixtures";

const TIMEOUT_MS = 1_000;
let dir = "";
let database: EmbeddedDatabase;
let admin: pg.Client;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "one-test-hang-"));
  await chmod(dir, 0o755);
  database = await startEmbeddedPostgres({ dir: path.join(dir, "data"), port: await freePort(), password: "hang", database: "hang" });
  await migrate(database.url);
  // This worker's pool and Prisma client are created lazily, so they will use this server.
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = String(TIMEOUT_MS);
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await db().$disconnect();
  await database?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The postmaster and every backend of this test's server. */
async function serverProcesses(): Promise<number[]> {
  const postmaster = Number((await readFile(path.join(dir, "data", "postmaster.pid"), "utf8")).split("\n")[0]);
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(postmaster)], { encoding: "utf8" })
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
  return [postmaster, ...children];
}

/** Sends a signal to a server process; one that has just exited (a backend ending) needs none. */
function signal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Runs `during` with the whole server stopped (SIGSTOP), and always lets it go on afterwards. */
async function whileHung<T>(during: () => Promise<T>): Promise<T> {
  const pids = await serverProcesses();
  try {
    for (const pid of pids) signal(pid, "SIGSTOP");
    return await during();
  } finally {
    for (const pid of pids) signal(pid, "SIGCONT");
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; outcome: T | { thrown: unknown } }> {
  const start = performance.now();
  const outcome = await run().catch((thrown: unknown) => ({ thrown }));
  return { ms: Math.round(performance.now() - start), outcome };
}

describe("a hung database", () => {
  it("gets every kind of request an answer within the timeout that says what happened", async () => {
    const ws = await createWorkspace();
    const { secret } = await createApiKey(ws.owner, { description: "hang" });
    // Open connections first: the hang must catch requests on connections the pool already holds.
    await Promise.all(Array.from({ length: 4 }, () => pool().query("SELECT pg_sleep(0.05)")));

    const results = await whileHung(() =>
      Promise.all([
        timed(async () => {
          const response = await listTasksRoute(
            new Request("http://localhost/api/v1/workspaces/current/tasks", { headers: { authorization: `Bearer ${secret}` } }),
            {
              params: Promise.resolve({ workspaceId: "current" }),
            },
          );
          return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
        }),
        timed(() => toActionResult(() => listApiKeys(ws.owner))),
        timed(() => toActionResult(() => db().task.create({ data: { workspaceId: ws.workspace.id, title: "written during the hang" } }))),
        timed(() => toActionResult(() => db().task.count())),
      ]),
    );
    const slowest = Math.max(...results.map((r) => r.ms));
    console.log(`time to an answer with the database hung (statement timeout ${TIMEOUT_MS} ms): ${results.map((r) => r.ms).join(", ")} ms`);

    const unavailable = { ok: false, error: { code: "unavailable", message: UNAVAILABLE_MESSAGE, retryAfterSeconds: 5 } };
    expect({
      rest: results[0]!.outcome,
      action: results[1]!.outcome,
      write: results[2]!.outcome,
      read: results[3]!.outcome,
      withinTimeout: slowest < TIMEOUT_MS * 2 + 1_000,
    }).toEqual({
      rest: { status: 503, retryAfter: "5", body: { code: 503, message: UNAVAILABLE_MESSAGE } },
      action: unavailable,
      write: unavailable,
      read: unavailable,
      withinTimeout: true,
    });

    // Once the server runs again, requests succeed on the same pool without a restart.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await listTasksRoute(
      new Request("http://localhost/api/v1/workspaces/current/tasks", { headers: { authorization: `Bearer ${secret}` } }),
      {
        params: Promise.resolve({ workspaceId: "current" }),
      },
    );
    expect(after.status).toBe(200);
  });

  it("a transaction cut off by the hang is rolled back, and its connection never goes back to the pool mid-transaction", async () => {
    const ws = await createWorkspace();
    const title = `cut off ${Date.now()}`;
    let resume: () => void = () => {};
    const result = await toActionResult(() =>
      db().$transaction(async (tx) => {
        await tx.task.create({ data: { workspaceId: ws.workspace.id, title } });
        // The server stops between two statements of the transaction; the second never returns.
        const pids = await serverProcesses();
        for (const pid of pids) process.kill(pid, "SIGSTOP");
        resume = () => pids.forEach((pid) => process.kill(pid, "SIGCONT"));
        return tx.task.count();
      }),
    ).finally(() => resume());
    // Every pooled connection is used a few times: a connection left in the pool with the
    // transaction still open would commit or block what runs on it next.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await Promise.all(Array.from({ length: 10 }, () => db().task.count()));
    const stuck = await admin.query(
      "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'",
    );
    expect({
      result,
      stuckInTransaction: stuck.rowCount,
      committed: (await admin.query("SELECT 1 FROM tasks WHERE title = $1", [title])).rowCount,
    }).toEqual({
      result: { ok: false, error: { code: "unavailable", message: UNAVAILABLE_MESSAGE, retryAfterSeconds: 5 } },
      stuckInTransaction: 0,
      committed: 0,
    });
  });

  it("a new connection to a hung server times out too", async () => {
    await pool().end(); // no pooled connection left: the next request must open one
    delete (globalThis as { pgPool?: unknown }).pgPool;
    delete (globalThis as { prisma?: unknown }).prisma;
    const result = await whileHung(() => timed(() => toActionResult(() => db().workspace.count())));
    expect({ outcome: result.outcome, withinTimeout: result.ms < TIMEOUT_MS * 2 + 1_000 }).toEqual({
      outcome: { ok: false, error: { code: "unavailable", message: UNAVAILABLE_MESSAGE, retryAfterSeconds: 5 } },
      withinTimeout: true,
    });
  });
});
