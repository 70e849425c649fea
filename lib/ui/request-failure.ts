// What went wrong with a request the dashboard made, in words a person can act on: the
// browser's own messages ("Failed to fetch") never reach the screen. `kind` says what the
// person can do about it: `offline` (check the connection, try again), `session` (sign in
// again, then try again), `refused` (the server said no, with its reason).
import type { ActionError } from "./action-result";

export type FailureKind = "offline" | "session" | "refused";

export class RequestFailure extends Error {
  readonly kind: FailureKind;
  /** The server's error code when it answered (e.g. `key_limit_reached`). */
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

const GENERIC = "Something went wrong on our side. Try again in a moment.";

/** `consequence` says what did not happen, e.g. "the key was not created". */
export function sessionEnded(consequence: string): RequestFailure {
  return new RequestFailure(
    "session",
    `Your session has ended, so ${consequence}. Sign in again (it opens in a new tab), then come back here and try again.`,
    {
      code: "unauthenticated",
    },
  );
}

/** A server action's refusal. An ended session is said in the dashboard's own words. */
export function fromActionError(error: ActionError, consequence: string): RequestFailure {
  if (error.code === "unauthenticated") return sessionEnded(consequence);
  return new RequestFailure("refused", error.message || GENERIC, { code: error.code, fields: error.fields });
}

/**
 * GET a REST resource of this origin with the session cookie. Throws a RequestFailure: `offline`
 * when the server cannot be reached, `session` on 401, `refused` with the server's message.
 */
export async function getJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" });
  } catch {
    throw new RequestFailure("offline", "The server cannot be reached. Check your connection.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && body !== null) return body as T;
  if (response.status === 401) throw sessionEnded("nothing could be loaded");
  const message = (body as { message?: unknown } | null)?.message;
  throw new RequestFailure("refused", typeof message === "string" ? message : GENERIC, { code: String(response.status) });
}

export const isRequestFailure = (error: unknown): error is RequestFailure => error instanceof RequestFailure;
