// Runs the app's server (scripts/app-server.ts: the production build of Next.js, or with
// `dev` its development server, behind a small server of our own) for the launchers, and stops everything cleanly on Ctrl-C or
// SIGTERM: the app first, then what the launcher started for it (provider, embedded database).
import { spawn, type ChildProcess } from "node:child_process";
import { APP_SERVER_ARGS } from "./app-command";
import { logFormat, printPretty } from "./log-format";

export type Cleanup = () => Promise<void>;

const cleanups: Cleanup[] = [];
let app: ChildProcess | undefined;
let stopping = false;

export function onStop(cleanup: Cleanup) {
  cleanups.push(cleanup);
}

export async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app!.once("exit", resolve));
      app.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
  }
  process.exit(code);
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
process.on("exit", () => app?.kill("SIGKILL")); // never leave the server behind

/** Environment of the app process: everything it reads, nothing else it needs to guess. */
export type AppEnv = {
  DATABASE_URL: string;
  AUTH_URL: string;
  AUTH_SECRET: string;
  OIDC_ISSUER: string;
  OIDC_CLIENT_ID: string;
  OIDC_CLIENT_SECRET: string;
  OIDC_AUDIENCE: string;
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string;
  /** Unset: the app keeps its e-mail queued until it is. */
  SMTP_URL?: string;
};

export function serveNext(port: number, env: AppEnv, options: { dev?: boolean } = {}) {
  const pretty = logFormat() === "pretty";
  app = spawn(process.execPath, options.dev ? [...APP_SERVER_ARGS, "--dev"] : APP_SERVER_ARGS, {
    stdio: ["inherit", pretty ? "pipe" : "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: options.dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
  });
  if (pretty) printPretty(app.stdout!);
  app.on("exit", (code) => {
    if (stopping) return;
    console.error(`The app server stopped (exit code ${code}).`);
    void stop(code ?? 1);
  });
}

/** Runs a launcher's main function; any failure is printed as a message and stops everything. */
export function run(main: () => Promise<void>) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    void stop(1);
  });
}
