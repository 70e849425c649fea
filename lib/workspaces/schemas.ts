import { z } from "zod";

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
