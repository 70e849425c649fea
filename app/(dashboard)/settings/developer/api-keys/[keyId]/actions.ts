"use server";
// Server actions of a key's page. They are public POST endpoints: each builds the actor from the
// session for the workspace the page was rendered for (never "current", so a tab opened before a
// workspace switch cannot change another workspace's key) and calls the operation the REST API
// uses, which checks the permission.
import { rollApiKey } from "@/lib/api-keys/roll";
import { updateApiKey } from "@/lib/api-keys/update";
import { sessionActorFor } from "@/lib/auth/session";
import { toActionResult } from "@/lib/ui/action-result";

export async function renameApiKeyAction(workspaceId: string, keyId: string, description: string) {
  return toActionResult(async () => updateApiKey(await sessionActorFor(workspaceId), { keyId: String(keyId), changes: { description } }));
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
