// How the launchers show the app's log lines. The app always writes JSON lines (lib/log/logger.ts);
// in a terminal the launcher prints them readably through pino-pretty (one line each:
// time, level, `GET /api/v1/workspaces/[workspaceId]/tasks 200 in 4.1 ms`, then the rest),
// elsewhere (a pipe, a file, a log shipper) it passes them on untouched. LOG_FORMAT=json or
// pretty chooses explicitly. Lines that are not JSON (Next.js's own output) pass as they are.
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { prettyFactory } from "pino-pretty";

type LogFormat = "json" | "pretty";

export function logFormat(value = process.env.LOG_FORMAT): LogFormat {
  const format = value?.trim().toLowerCase() || (process.stdout.isTTY ? "pretty" : "json");
  if (format !== "json" && format !== "pretty") throw new Error(`LOG_FORMAT must be "json" or "pretty"; got "${value}"`);
  return format;
}

type Line = Record<string, unknown>;
const REQUEST_FIELDS = ["method", "route", "status", "durationMs"];

/** Prints each line of `input` on stdout, readably. */
export function printPretty(input: Readable): void {
  const prettify = prettyFactory({
    colorize: !!process.stdout.isTTY,
    translateTime: "SYS:HH:MM:ss.l",
    singleLine: true,
    ignore: ["pid", "hostname", ...REQUEST_FIELDS].join(","),
    messageFormat: (log: Line, messageKey: string) =>
      log.method && log.route ? `${log.method} ${log.route} ${log.status} in ${log.durationMs} ms` : String(log[messageKey] ?? ""),
  });
  createInterface({ input, crlfDelay: Infinity }).on("line", (line) => process.stdout.write(prettify(line)));
}
