"use server";
// The dashboard's server actions for API keys. Server actions are public POST endpoints: each one
// builds the actor from the session itself and calls the same operation the REST API uses, which
// checks the permission. Each takes the id of the workspace the page was rendered for and acts on
// exactly that workspace (membership and role are read again for it), never on the "current" one:
// a tab opened before a workspace switch cannot change another workspace.
import { createApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { rollApiKey } from "@/lib/api-keys/roll";
import type { CreateApiKeyInput, UpdateApiKeyInput } from "@/lib/api-keys/schemas";
import { updateApiKey } from "@/lib/api-keys/update";
import { sessionActorFor } from "@/lib/auth/session";
import { toActionResult } from "@/lib/ui/server/action-result";

export async function createApiKeyAction(workspaceId: string, input: CreateApiKeyInput) {
  return toActionResult(async () => {
    const { secret, ...key } = await createApiKey(await sessionActorFor(workspaceId), input);
    return { key, secret };
  });
}

/** Rename, narrow or widen permissions, move or remove the expiry: any of them (the same rules as PATCH). */
export async function updateApiKeyAction(workspaceId: string, keyId: string, changes: UpdateApiKeyInput) {
  return toActionResult(async () => updateApiKey(await sessionActorFor(workspaceId), { keyId: String(keyId), changes }));
}

export async function rollApiKeyAction(workspaceId: string, keyId: string, previousSecretExpiresInSeconds: number) {
  return toActionResult(async () => {
    const { secret, ...key } = await rollApiKey(await sessionActorFor(workspaceId), {
      keyId: String(keyId),
      options: { previousSecretExpiresInSeconds },
    });
    return { key, secret };
  });
}

export async function revokeApiKeyAction(workspaceId: string, keyId: string) {
  return toActionResult(async () => revokeApiKey(await sessionActorFor(workspaceId), { keyId }));
}
