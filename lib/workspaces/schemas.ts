import { z } from "zod";
import { apiKeySchema } from "@/lib/api-keys/schemas";

export const workspaceItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: z.enum(["OWNER", "ADMIN", "MEMBER"]).nullable().describe("Your role in it; null for an API key."),
  current: z.boolean().describe("Whether it is what `current` means for you."),
});
export type WorkspaceItem = z.infer<typeof workspaceItemSchema>;

export const selectWorkspaceInput = z.object({
  workspaceId: z
    .string({ error: "Send workspaceId, the id of a workspace you are a member of." })
    .min(1, "Send workspaceId.")
    .max(64, "workspaceId is not an id.")
    .describe("The id (not the slug) of a workspace you are a member of."),
});

export const meSchema = z
  .discriminatedUnion("type", [
    z.object({
      type: z.literal("apiKey"),
      workspace: z.object({ id: z.string(), name: z.string(), slug: z.string() }).describe("The key's workspace."),
      key: apiKeySchema.describe("The key making the request: its permissions, expiry and state."),
    }),
    z.object({
      type: z.literal("user"),
      user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
      workspace: workspaceItemSchema.nullable().describe("The workspace `current` means for you; null when you are in none."),
    }),
  ])
  .describe("Who the request is from: an API key (with its key object) or a person.");
export type MeDto = z.infer<typeof meSchema>;
