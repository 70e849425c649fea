"use server";
// Server actions are public POST endpoints: each one builds the actor from the session
// itself and calls the same operation the REST API uses, which checks the permission.
import { createApiKey } from "@/lib/api-keys/create";
import { listApiKeys } from "@/lib/api-keys/list";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import type { CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { actorFromSession } from "@/lib/auth/actor";
import { toActionResult } from "@/lib/ui/action-result";
import { dismissExposureAlert } from "@/lib/leaks/dismiss"; // leaked keys

export async function listApiKeysAction() {
  return toActionResult(async () => listApiKeys(await actorFromSession()));
}

export async function createApiKeyAction(input: CreateApiKeyInput) {
  return toActionResult(async () => {
    const { secret, ...key } = await createApiKey(await actorFromSession(), input);
    return { key, secret };
  });
}

export async function revokeApiKeyAction(keyId: string) {
  return toActionResult(async () => revokeApiKey(await actorFromSession(), { keyId }));
}

// Leaked keys: dismissing the alert about an exposed key, for this person, in the workspace the page showed.
export async function dismissExposureAlertAction(workspaceId: string, keyId: string) {
  return toActionResult(async () => dismissExposureAlert(await actorFromSession(workspaceId), { keyId }));
}
