// How server actions report outcomes to the dashboard: a plain result object, because
// Next.js hides thrown errors' messages in production. This is the one mapping from
// errors to what the UI shows; unknown errors become a generic message and are logged.
import { isAppError, type ErrorCode } from "@/lib/errors";

export type ActionError = { code: ErrorCode | "unexpected"; message: string; fields?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

const UNEXPECTED = "Something went wrong on our side. Try again in a moment.";

/** Where the dashboard says something other than the operation's own message. */
const UI_MESSAGES: Partial<Record<ErrorCode, string>> = {
  unauthenticated: "Your session has ended. Reload the page to sign in again.",
  unavailable: "The service is briefly unavailable. Try again in a moment.",
};

export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (isAppError(error)) {
      return { ok: false, error: { code: error.code, message: UI_MESSAGES[error.code] ?? error.message, fields: error.fields } };
    }
    // Errors from lib/ never carry secrets; log the cause for operators, show a generic message.
    console.error("Server action failed:", error);
    return { ok: false, error: { code: "unexpected", message: UNEXPECTED } };
  }
}
