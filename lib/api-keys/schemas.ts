// Input and output shapes of the API key operations: validated here once, and the same
// schemas describe the REST API.
import { z } from "zod";
import { displayText } from "@/lib/text";

export const MAX_ACTIVE_KEYS = 20;
export const DESCRIPTION_MAX = 100;

// Normalised to NFC; no control, invisible or direction-changing characters; at least one
// visible character; length in code points (lib/text.ts, shared with task titles).
export const descriptionSchema = displayText("description", DESCRIPTION_MAX);

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
