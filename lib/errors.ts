// The one error type that operations in lib/ throw. Each transport maps its code once:
// HTTP in lib/http/errors.ts, the dashboard in lib/ui/errors.ts. Messages are sentences a
// person can act on; they never contain secrets, SQL or stack traces.
export const ERROR_CODES = [
  "unauthenticated",
  "forbidden",
  "not_found",
  "invalid_input",
  "key_limit_reached",
  "rate_limited",
  "unavailable",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Per-field messages for invalid input. */
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, options?: { fields?: Record<string, string>; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options?.fields;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
