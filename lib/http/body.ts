// Reads a JSON request body: JSON content type only (415), at most MAX_BODY_BYTES (413,
// counted while reading, so a lying Content-Length does not help), valid JSON (400), an object.
import { AppError } from "@/lib/errors";
import { readJsonValue } from "./body-bytes";

const MAX_BODY_BYTES = 16 * 1024;

export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const parsed = await readJsonValue(request, MAX_BODY_BYTES);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AppError("invalid_input", "The body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}
