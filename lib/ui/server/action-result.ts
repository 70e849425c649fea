// How server actions (lib/actions/) report outcomes to the dashboard: a plain result object,
// because Next.js hides thrown errors' messages in production. This is the dashboard's one mapping
// from errors to what the UI shows; what an error *is* comes from normaliseError
// (lib/errors.ts), shared with the REST API, which also logs unexpected ones. The browser half
// (lib/ui/browser/request-failure.ts) imports only the result's types from here.
import "server-only";
import { normaliseError, type ErrorCode } from "@/lib/errors";

export type ActionError = {
  code: Exclude<ErrorCode, "internal"> | "unexpected";
  message: string;
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
};
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** Where the dashboard says something other than the operation's own message. */
const UI_MESSAGES: Partial<Record<ErrorCode, string>> = {
  unauthenticated: "Your session has ended. Reload the page to sign in again.",
};

/** The dashboard's view of any thrown value. */
export function toActionError(thrown: unknown): ActionError {
  const error = normaliseError(thrown, "Server action");
  return {
    code: error.code === "internal" ? "unexpected" : error.code,
    message: UI_MESSAGES[error.code] ?? error.message,
    ...(error.fields ? { fields: error.fields } : {}),
    ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  };
}

export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}
