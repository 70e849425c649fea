import type { z } from "zod";
import { AppError } from "./errors";

/** Parses input with a schema, or throws an invalid_input AppError naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
  throw new AppError("invalid_input", Object.values(fields)[0] ?? "The request is not valid.", { fields });
}
