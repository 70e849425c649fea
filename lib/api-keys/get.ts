import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { isPlausibleId } from "@/lib/ids";
import { keyNotFound } from "./errors";
import { readKeys } from "./read";
import type { ApiKeyDto } from "./schemas";

/** One key of the caller's workspace (active, expired or revoked); another workspace's key is not found. */
export async function getApiKey(actor: Actor, input: { keyId: string }): Promise<ApiKeyDto> {
  const scope = authorize(actor, "apiKeys.list");
  if (!isPlausibleId(input.keyId)) throw keyNotFound();
  const [key] = await readKeys(scope.workspaceId, input.keyId);
  if (!key) throw keyNotFound();
  return key;
}
