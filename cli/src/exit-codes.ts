// Exit codes of `one`, one per kind of outcome, so scripts can tell them apart. Every error
// the CLI reports is a CliError carrying one of these; its message goes to stderr.
import { ApiError } from "@onehorizon/sdk-js";

export const EXIT = {
  ok: 0,
  /** Something unexpected; the message says what. */
  failure: 1,
  /** Bad input: an unknown command or flag, a missing value, or a field the API refused (400). */
  badInput: 2,
  /** Not signed in, or the session or token is no longer valid (401). */
  notSignedIn: 3,
  /** Signed in, but the role or kind of token may not do this (403). */
  forbidden: 4,
  /** No such workspace, key, task or webhook endpoint (404). */
  notFound: 5,
  /** The request conflicts with the current state, e.g. 20 active keys or 10 webhook endpoints already (409). */
  conflict: 6,
  /** The workspace's rate limit is used up (429): the message says how long to wait. */
  rateLimited: 7,
  /** The server could not be reached, or is briefly unavailable (503). */
  unavailable: 8,
  /** A confirmation was declined: nothing was changed. */
  cancelled: 9,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hints: string[] = [],
  ) {
    super(message);
  }
}

/** What to do about each kind of 409 (the body's `reason`). */
const CONFLICT_HINTS: Record<string, string[]> = {
  key_limit_reached: ["See the keys with `one keys list`; `one keys revoke <id>` frees a place."],
  key_revoked: ["Create a new key with `one keys create --description …`."],
  key_expired: ["Create a new key with `one keys create --description …`."],
  endpoint_limit_reached: ["See the endpoints with `one webhooks list`; deleting one you no longer use frees a place."],
};

/** The CLI's reading of an API error: its exit code and what a person can do about it. */
export function fromApiError(error: ApiError, context: { signedInAs?: string }): CliError {
  const fields = Object.entries(error.fields).map(([field, message]) => `${field}: ${message}`);
  switch (true) {
    case error.status === 0:
      return new CliError(error.message, EXIT.unavailable, [
        "Check the API URL (ONE_API_URL or `one login --api-url`) and that the server is running.",
      ]);
    case error.status === 400:
      return new CliError(error.message, EXIT.badInput, fields);
    case error.status === 401:
      return new CliError(error.message, EXIT.notSignedIn, ["Run `one login` to sign in again."]);
    case error.status === 403:
      return new CliError(error.message, EXIT.forbidden, context.signedInAs ? [`You are signed in as ${context.signedInAs}.`] : []);
    case error.status === 404:
      return new CliError(error.message, EXIT.notFound);
    case error.status === 409:
      return new CliError(error.message, EXIT.conflict, CONFLICT_HINTS[error.reason ?? ""] ?? []);
    case error.status === 429:
      return new CliError(
        error.message,
        EXIT.rateLimited,
        error.retryAfterSeconds !== null ? [`Wait ${error.retryAfterSeconds} seconds before trying again.`] : [],
      );
    case error.status >= 500:
      return new CliError(
        error.message,
        EXIT.unavailable,
        error.retryAfterSeconds !== null ? [`Try again in ${error.retryAfterSeconds} seconds.`] : ["Try again in a moment."],
      );
    default:
      return new CliError(error.message, EXIT.failure);
  }
}
