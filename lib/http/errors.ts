// The one mapping from operation errors to HTTP responses of the REST API:
// `{ "code": <status>, "message": "<sentence>" }`, never a stack trace, SQL or a raw row.
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { jsonResponse } from "./json";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  key_limit_reached: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

export const DATABASE_RETRY_SECONDS = 5;

export function errorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  if (isAppError(error)) {
    const status = HTTP_STATUS[error.code];
    const extra: Record<string, string> = { ...headers };
    if (status === 401) extra["WWW-Authenticate"] = 'Bearer realm="one"';
    if (error.retryAfterSeconds !== undefined) extra["Retry-After"] = String(error.retryAfterSeconds);
    return jsonResponse(status, { code: status, message: error.message, ...(error.fields ? { fields: error.fields } : {}) }, extra);
  }
  if (isDatabaseUnavailable(error)) {
    const detail = String((error as Error).message ?? "").trim().split("\n").at(-1);
    console.error(`REST request failed: database unavailable (${detail})`);
    return jsonResponse(
      503,
      { code: 503, message: `The service is briefly unavailable. Retry in ${DATABASE_RETRY_SECONDS} seconds.` },
      { ...headers, "Retry-After": String(DATABASE_RETRY_SECONDS) },
    );
  }
  console.error("REST request failed:", error);
  return jsonResponse(500, { code: 500, message: "Something went wrong on our side. Try again in a moment." }, headers);
}
