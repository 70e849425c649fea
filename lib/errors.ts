// The one error type that operations in lib/ throw. Each transport maps its code once:
// HTTP in lib/http/errors.ts, the dashboard in lib/ui/errors.ts. Messages are sentences a
// person can act on; they never contain secrets, SQL or stack traces.
export const ERROR_CODES = [
  "unauthenticated",
  "forbidden",
  "not_found",
  "invalid_input",
  "key_limit_reached",
  "conflict",
  "rate_limited",
  "unavailable",
  // Transport-level refusals of the REST API.
  "method_not_allowed",
  "payload_too_large",
  "unsupported_media_type",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Per-field messages for invalid input. */
  readonly fields?: Record<string, string>;
  /** Seconds after which trying again makes sense (rate limits, outages). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { fields?: Record<string, string>; retryAfterSeconds?: number; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options?.fields;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
