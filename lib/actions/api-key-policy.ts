"use server";
// The dashboard's server actions for the key policy page: public POST endpoints like every server
// action, each building the actor for the workspace the page was rendered for and calling the
// same operation as the REST API (which checks that the person is an owner).
import { updateApiKeyPolicy } from "@/lib/api-keys/policy";
import type { ApiKeyPolicy } from "@/lib/api-keys/policy-schemas";
import { revokeAllApiKeys } from "@/lib/api-keys/revoke-all";
import { sessionActorFor } from "@/lib/auth/session";
import { toActionResult } from "@/lib/ui/server/action-result";

export async function updateApiKeyPolicyAction(workspaceId: string, policy: ApiKeyPolicy) {
  return toActionResult(async () => updateApiKeyPolicy(await sessionActorFor(workspaceId), policy));
}

export async function revokeAllApiKeysAction(workspaceId: string, confirm: string) {
  return toActionResult(async () => revokeAllApiKeys(await sessionActorFor(workspaceId), { confirm }));
}
