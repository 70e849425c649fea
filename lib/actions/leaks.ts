"use server";
// Dismissing the API keys page's alert about an exposed key, for this person, in the workspace the
// page showed. A public POST endpoint like every server action: the actor comes from the session.
import { sessionActorFor } from "@/lib/auth/session";
import { dismissExposureAlert } from "@/lib/leaks/dismiss";
import { toActionResult } from "@/lib/ui/server/action-result";

export async function dismissExposureAlertAction(workspaceId: string, keyId: string) {
  return toActionResult(async () => dismissExposureAlert(await sessionActorFor(workspaceId), { keyId }));
}
