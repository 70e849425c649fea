// The one error every API method throws: the API's error body (`{code, message, fields?,
// reason?}`) with the HTTP status, for 429 and 503 the seconds from Retry-After, and the
// workspace's rate limit when the answer carried it.
import type { components } from "./generated/openapi.js";
import { rateLimitOf, type RateLimit } from "./rate-limit.js";

/** Why a 409 conflicts: `key_limit_reached`, `key_revoked`, `key_expired`, or `endpoint_limit_reached` (10 webhook endpoints already). */
export type ConflictReason = components["schemas"]["ConflictError"]["reason"];

export class ApiError extends Error {
  /** HTTP status; 0 when no answer came (the API could not be reached, or did not answer in time). */
  readonly status: number;
  /** The `code` of the error body (the HTTP status), or `status` when the body had none. */
  readonly code: number;
  /** Per-field messages for invalid input (400), e.g. `{ description: "Enter a description." }`. */
  readonly fields: Record<string, string>;
  /** For 409: which conflict it is, e.g. `key_limit_reached`; null otherwise. */
  readonly reason: ConflictReason | null;
  /** For an API key's 403: the permission it lacks, e.g. `tasks:write`; null otherwise. */
  readonly missingPermission: string | null;
  /** For an API key used from outside its allowed networks (403): the address it was refused from. */
  readonly clientAddress: string | null;
  /** For 429 and 503: whole seconds to wait before trying again (the Retry-After header). */
  readonly retryAfterSeconds: number | null;
  /** The workspace's rate limit as the answer reported it (API keys only); null otherwise. */
  readonly rateLimit: RateLimit | null;

  constructor(init: {
    status: number;
    code?: number;
    message: string;
    fields?: Record<string, string>;
    reason?: ConflictReason | null;
    missingPermission?: string | null;
    clientAddress?: string | null;
    retryAfterSeconds?: number | null;
    rateLimit?: RateLimit | null;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code ?? init.status;
    this.fields = init.fields ?? {};
    this.reason = init.reason ?? null;
    this.missingPermission = init.missingPermission ?? null;
    this.clientAddress = init.clientAddress ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.rateLimit = init.rateLimit ?? null;
  }

  /** Builds the error from an answer that was not 2xx and its parsed body (if it was JSON). */
  static fromResponse(response: Response, body: unknown): ApiError {
    const parsed = (body && typeof body === "object" ? body : {}) as {
      code?: unknown;
      message?: unknown;
      fields?: unknown;
      reason?: unknown;
      missingPermission?: unknown;
      clientAddress?: unknown;
    };
    const retryAfter = response.headers.get("retry-after");
    return new ApiError({
      status: response.status,
      code: typeof parsed.code === "number" ? parsed.code : response.status,
      message:
        typeof parsed.message === "string"
          ? parsed.message
          : `The API answered ${response.status} ${response.statusText}.`.replace(" .", "."),
      fields: isStringRecord(parsed.fields) ? parsed.fields : undefined,
      reason: typeof parsed.reason === "string" ? (parsed.reason as ConflictReason) : null,
      missingPermission: typeof parsed.missingPermission === "string" ? parsed.missingPermission : null,
      clientAddress: typeof parsed.clientAddress === "string" ? parsed.clientAddress : null,
      retryAfterSeconds: retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : null,
      rateLimit: rateLimitOf(response.headers),
    });
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return !!value && typeof value === "object" && Object.values(value).every((v) => typeof v === "string");
}
