// The one error type that operations in lib/ throw, and the one normaliser that turns
// anything thrown into it. Each transport maps the normalised error's code once: HTTP in
// lib/http/errors.ts, the dashboard in lib/ui/server/action-result.ts. Messages are sentences a
// person can act on; they never contain secrets, SQL or stack traces.
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { logger } from "@/lib/log/logger";

export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "key_limit_reached"
  | "conflict"
  | "rate_limited"
  | "unavailable"
  // Transport-level refusals of the REST API.
  | "method_not_allowed"
  | "payload_too_large"
  | "unsupported_media_type"
  // Anything else: a bug on our side. Logged with its cause; people see a generic message.
  | "internal";

/**
 * Why a request conflicts with the current state: the `reason` of every 409 body (and the SDK's
 * `error.reason`). `endpoint_limit_reached` is reserved for webhook endpoints (10 per workspace).
 */
export const CONFLICT_REASONS = ["key_limit_reached", "key_revoked", "key_expired", "endpoint_limit_reached"] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export type AppErrorOptions = {
  fields?: Record<string, string>;
  /** For `key_limit_reached` and `conflict` (409): which conflict it is. */
  reason?: ConflictReason;
  retryAfterSeconds?: number;
  /** For an API key's `forbidden`: the key permission it lacks. */
  missingPermission?: string;
  /** For an API key used from outside its networks: the client address (null when unknown). */
  clientAddress?: string | null;
  /** Response headers that travel with the error (e.g. the RateLimit fields of a 429). */
  headers?: Record<string, string>;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Per-field messages for invalid input. */
  readonly fields?: Record<string, string>;
  /** Which conflict a 409 is (see CONFLICT_REASONS). */
  readonly reason?: ConflictReason;
  /** Seconds after which trying again makes sense (rate limits, outages). */
  readonly retryAfterSeconds?: number;
  /** The key permission an API key lacks (a 403's `missingPermission`). */
  readonly missingPermission?: string;
  /** The client address an API key was refused from (a 403's `clientAddress`). */
  readonly clientAddress?: string | null;
  /** Headers the REST response carries besides the error body. */
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, options?: AppErrorOptions) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options?.fields;
    this.reason = options?.reason;
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.missingPermission = options?.missingPermission;
    this.clientAddress = options?.clientAddress;
    this.headers = options?.headers;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Seconds a client is told to wait when the database cannot be reached or does not answer. */
export const DATABASE_RETRY_SECONDS = 5;

export const UNAVAILABLE_MESSAGE = "The service is briefly unavailable. Nothing was changed; try again in a moment.";
export const INTERNAL_MESSAGE = "Something went wrong on our side. Try again in a moment.";

/**
 * Any thrown value as an AppError: AppErrors as they are; a database that cannot be reached
 * or does not answer in time (lib/db/pool.ts bounds every statement) as `unavailable` with a
 * retry hint; anything else as `internal`. Unexpected errors are logged here, once, with
 * `context` naming the door they came through; the returned error never carries their text.
 */
export function normaliseError(error: unknown, context: string): AppError {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailable(error)) {
    const detail = String((error as Error)?.message ?? "")
      .trim()
      .split("\n")
      .at(-1);
    logger().error(`${context} failed: database unavailable (${detail})`);
    return new AppError("unavailable", UNAVAILABLE_MESSAGE, { retryAfterSeconds: DATABASE_RETRY_SECONDS, cause: error });
  }
  logger().error({ err: error }, `${context} failed`);
  return new AppError("internal", INTERNAL_MESSAGE, { cause: error });
}
