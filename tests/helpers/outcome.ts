import { isAppError } from "@/lib/errors";

/** The error code an operation fails with, or "ok". */
export async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}
