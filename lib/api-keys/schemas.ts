// Input and output shapes of the API key operations: validated here once, and the same
// schemas describe the REST API.
import { z } from "zod";

export const MAX_ACTIVE_KEYS = 20;
export const DESCRIPTION_MAX = 100;

// Control characters (including newlines and tabs) and the bidirectional overrides that can
// make a description read differently from what it is. Emoji and other text are fine.
const FORBIDDEN_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export const descriptionSchema = z
  .string({ error: "Enter a description." })
  .trim()
  .min(1, "Enter a description.")
  .max(DESCRIPTION_MAX, `Keep the description to ${DESCRIPTION_MAX} characters or fewer.`)
  .refine((value) => !FORBIDDEN_CHARACTERS.test(value), "The description cannot contain control characters or line breaks.");

export const createApiKeyInput = z.object({
  description: descriptionSchema.describe("Names the service and environment that will use the key, e.g. ci-production."),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;


export const apiKeySchema = z.object({
  id: z.string(),
  description: z.string(),
  hint: z.string().describe("The prefix and last four characters of the secret, e.g. one_…a1b2."),
  createdAt: z.iso.datetime(),
  createdBy: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKeyDto = z.infer<typeof apiKeySchema>;
