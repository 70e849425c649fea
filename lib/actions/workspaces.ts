"use server";
// Choosing a workspace in the dashboard's switcher. A public POST endpoint like every server
// action: the person comes from the session.
import { actorFromSession } from "@/lib/auth/actor";
import { toActionResult } from "@/lib/ui/server/action-result";
import { selectWorkspace } from "@/lib/workspaces/select";

/**
 * Selects the workspace that `current` means for this person. Only that preference changes: the
 * page then re-renders for it, and every action still names the workspace it acts on.
 */
export async function selectWorkspaceAction(workspaceId: string) {
  return toActionResult(async () => selectWorkspace(await actorFromSession(), { workspaceId }));
}
