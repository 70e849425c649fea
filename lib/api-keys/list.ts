import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { readKeys } from "./read";
import { MAX_ACTIVE_KEYS, type ApiKeyDto } from "./schemas";

/** Keys of the caller's workspace that are not revoked (active and expired), newest first. */
export async function listApiKeys(actor: Actor): Promise<{ data: ApiKeyDto[]; limit: number }> {
  const scope = authorize(actor, "apiKeys.list");
  return { data: await readKeys(scope.workspaceId, null), limit: MAX_ACTIVE_KEYS };
}
