// The process's one logger: JSON lines on stdout (pino), at LOG_LEVEL (default "info"). Every
// line written while a request is being served carries that request's id (lib/log/request-context.ts),
// so an error logged deep in lib/ can be found next to its request's line. The launchers print
// the lines readably in a terminal (scripts/log-format.ts); elsewhere they stay JSON for a
// log shipper. What is logged is chosen field by field (never a header, body or token); the
// redaction list is a second line of defence for anything passed by mistake.
import pino, { type Logger } from "pino";
import { currentRequestId } from "./request-context";

const globalForLog = globalThis as unknown as { oneLogger?: Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** LOG_LEVEL, checked: the launcher refuses an unknown level at start (scripts/config.ts). */
export function logLevel(value = process.env.LOG_LEVEL): (typeof LOG_LEVELS)[number] {
  const level = (value?.trim() || "info").toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}; got "${value}"`);
  return level as (typeof LOG_LEVELS)[number];
}

export function logger(): Logger {
  return (globalForLog.oneLogger ??= pino({
    level: logLevel(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: {
      paths: ["authorization", "cookie", "token", "secret", "*.authorization", "*.cookie", "*.token", "*.secret", "headers"],
      censor: "[redacted]",
    },
  }));
}
