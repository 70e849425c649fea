import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { isPlausibleId } from "@/lib/ids";
import type { ApiKeyDto } from "./schemas";
import { keyInclude, toApiKeyDto } from "./serialize";
import { keyNotFound } from "./errors";

/** One key of the caller's workspace (active or revoked); another workspace's key is not found. */
export async function getApiKey(actor: Actor, input: { keyId: string }): Promise<ApiKeyDto> {
  const scope = authorize(actor, "apiKeys.list");
  const { keyId } = input;
  if (!isPlausibleId(keyId)) throw keyNotFound();
  const row = await db().apiKey.findFirst({ where: { id: keyId, workspaceId: scope.workspaceId }, include: keyInclude });
  if (!row) throw keyNotFound();
  return toApiKeyDto(row);
}
