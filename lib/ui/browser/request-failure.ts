// What went wrong with a request the dashboard made, in words a person can act on: the
// browser's own messages ("Failed to fetch") never reach the screen. `kind` says what the
// person can do about it: `offline` (check the connection, try again), `session` (sign in
// again in a new tab, then try again), `refused` (the server said no, with its reason).
import type { ActionError } from "@/lib/ui/server/action-result";

export type FailureKind = "offline" | "session" | "refused";

export class RequestFailure extends Error {
  readonly kind: FailureKind;
  /** The server's error code when it answered (e.g. `key_limit_reached`), or one of ours (`secret_lost`). */
  readonly code: string | null;
  readonly fields?: Record<string, string>;

  constructor(kind: FailureKind, message: string, options: { code?: string; fields?: Record<string, string> } = {}) {
    super(message);
    this.name = "RequestFailure";
    this.kind = kind;
    this.code = options.code ?? null;
    this.fields = options.fields;
  }
}

export const GENERIC_FAILURE = "Something went wrong on our side. Try again in a moment.";

/** `consequence` says what did not happen, e.g. "the key was not created". */
export function sessionEnded(consequence: string): RequestFailure {
  return new RequestFailure(
    "session",
    `Your session has ended, so ${consequence}. Sign in again (it opens in a new tab), then come back here and try again.`,
    { code: "unauthenticated" },
  );
}

/** A server action's refusal. An ended session is said in the dashboard's own words. */
export function fromActionError(error: ActionError, consequence: string): RequestFailure {
  if (error.code === "unauthenticated") return sessionEnded(consequence);
  return new RequestFailure("refused", error.message || GENERIC_FAILURE, { code: error.code, fields: error.fields });
}

export const isRequestFailure = (error: unknown): error is RequestFailure => error instanceof RequestFailure;

/** Whether the same request may work when tried again: once the connection is back, after signing in again, after an outage. */
export const mayRetry = (failure: RequestFailure) =>
  failure.kind !== "refused" || failure.code === "unavailable" || failure.code === "rate_limited";
