"use server";
// Server actions are public POST endpoints: each one checks who is calling itself.
import { redirect } from "next/navigation";
import { actorFromSession } from "@/lib/auth/actor";
import { signOut } from "@/lib/auth/next-auth";
import { endCurrentSession } from "@/lib/auth/sign-out";
import { toActionResult } from "@/lib/ui/action-result";
import { selectWorkspace } from "@/lib/workspaces/select";

/** Ends the session here and at the provider, clears the cookie, and goes to the provider's logout. */
export async function signOutAction() {
  const next = await endCurrentSession();
  await signOut({ redirect: false });
  redirect(next);
}

/**
 * Selects the workspace that `current` means for this person (the header's switcher). Only
 * that preference changes: the page then re-renders for it, and every action still names the
 * workspace it acts on.
 */
export async function selectWorkspaceAction(workspaceId: string) {
  return toActionResult(async () => selectWorkspace(await actorFromSession(), { workspaceId }));
}
