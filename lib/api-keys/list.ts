import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { MAX_ACTIVE_KEYS, type ApiKeyDto } from "./schemas";
import { keyInclude, toApiKeyDto } from "./serialize";

/** Active keys of the caller's workspace, newest first. */
export async function listApiKeys(actor: Actor): Promise<{ data: ApiKeyDto[]; limit: number }> {
  const scope = authorize(actor, "apiKeys.list");
  const rows = await db().apiKey.findMany({
    where: { workspaceId: scope.workspaceId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: keyInclude,
  });
  return { data: rows.map(toApiKeyDto), limit: MAX_ACTIVE_KEYS };
}
