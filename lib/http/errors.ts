// The one mapping from errors to HTTP responses of the REST API:
// `{ "code": <status>, "message": "<sentence>" }` (plus `fields` on a 400, `reason` on a 409 and
// `missingPermission` on an API key's 403),
// never a stack trace, SQL or a raw row.
// What an error *is* comes from normaliseError (lib/errors.ts), shared with the dashboard.
import { normaliseError, type ErrorCode } from "@/lib/errors";
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
  internal: 500,
  unavailable: 503,
};

/** The JSON error response for anything thrown; `headers` are added (the error's own win). */
export function errorResponse(thrown: unknown, headers: Record<string, string> = {}): Response {
  const error = normaliseError(thrown, "REST request");
  const status = HTTP_STATUS[error.code];
  const extra: Record<string, string> = { ...headers, ...error.headers };
  if (status === 401) extra["WWW-Authenticate"] = 'Bearer realm="one"';
  if (error.retryAfterSeconds !== undefined) extra["Retry-After"] = String(error.retryAfterSeconds);
  const body = {
    code: status,
    message: error.message,
    ...(error.fields ? { fields: error.fields } : {}),
    ...(error.reason ? { reason: error.reason } : {}),
    ...(error.missingPermission ? { missingPermission: error.missingPermission } : {}),
    ...(error.clientAddress !== undefined ? { clientAddress: error.clientAddress } : {}),
  };
  return jsonResponse(status, body, extra);
}
