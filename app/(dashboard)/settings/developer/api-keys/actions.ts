"use server";
// Server actions are public POST endpoints: each one builds the actor from the session
// itself and calls the same operation the REST API uses, which checks the permission.
// Each takes the id of the workspace the page was rendered for and acts on exactly that
// workspace (membership and role are read again for it), never on the "current" one: a tab
// opened before a workspace switch cannot change another workspace.
import { createApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import type { CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { sessionActorFor } from "@/lib/auth/session";
import { toActionResult } from "@/lib/ui/action-result";
import { dismissExposureAlert } from "@/lib/leaks/dismiss";

export async function createApiKeyAction(workspaceId: string, input: CreateApiKeyInput) {
  return toActionResult(async () => {
    const { secret, ...key } = await createApiKey(await sessionActorFor(workspaceId), input);
    return { key, secret };
  });
}

export async function revokeApiKeyAction(workspaceId: string, keyId: string) {
  return toActionResult(async () => revokeApiKey(await sessionActorFor(workspaceId), { keyId }));
}

// Dismissing the alert about an exposed key, for this person, in the workspace the page showed.
export async function dismissExposureAlertAction(workspaceId: string, keyId: string) {
  return toActionResult(async () => dismissExposureAlert(await sessionActorFor(workspaceId), { keyId }));
}
