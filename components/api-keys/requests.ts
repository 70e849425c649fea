// The dashboard's requests for API keys, always for the workspace the page was rendered for
// (never `current`, so a tab opened before a workspace switch cannot act on another one).
// Reads go through the REST API with the session cookie; changes go through server actions.
// When a change fails without an answer (the connection dropped, the server stopped), the
// key's state is read again so the person is told whether anything changed.
import type { createApiKeyAction, revokeApiKeyAction } from "@/app/(dashboard)/settings/developer/api-keys/actions";
import type { ApiKeyDto } from "@/lib/api-keys/schemas";
import { fromActionError, getJson, isRequestFailure, RequestFailure, sessionEnded } from "@/lib/ui/request-failure";

export type KeyList = { data: ApiKeyDto[]; limit: number };

const keysPath = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/api-keys`;

export function fetchKeyList(workspaceId: string): Promise<KeyList> {
  return getJson<KeyList>(keysPath(workspaceId));
}

function fetchKey(workspaceId: string, keyId: string): Promise<ApiKeyDto> {
  return getJson<ApiKeyDto>(`${keysPath(workspaceId)}/${encodeURIComponent(keyId)}`);
}

/**
 * Creates a key. `knownIds` are the keys listed before: when the answer is lost, a new key
 * with this description in the list means the request got through (and its secret is lost).
 */
export async function createKey(
  create: typeof createApiKeyAction,
  workspaceId: string,
  input: { description: string; expiresAt: string | null },
  knownIds: ReadonlySet<string>,
): Promise<{ key: ApiKeyDto; secret: string }> {
  const { description } = input;
  let result: Awaited<ReturnType<typeof createApiKeyAction>>;
  try {
    result = await create(workspaceId, input);
  } catch {
    throw await createFailedWithoutAnswer(workspaceId, description, knownIds);
  }
  if (!result.ok) throw fromActionError(result.error, "the key was not created");
  return result.data;
}

async function createFailedWithoutAnswer(workspaceId: string, description: string, knownIds: ReadonlySet<string>) {
  let list: KeyList;
  try {
    list = await fetchKeyList(workspaceId);
  } catch (error) {
    if (isRequestFailure(error) && error.kind === "session") return sessionEnded("the key was not created");
    return new RequestFailure(
      "offline",
      `The server cannot be reached. Check your connection and try again; what you typed is kept. ` +
        `If “${description.trim()}” appears in the list later, this request did get through before the connection dropped: revoke that key, because its secret was never shown.`,
    );
  }
  const created = list.data.find((key) => !knownIds.has(key.id) && key.description === description.trim());
  if (created) {
    return new RequestFailure(
      "offline",
      `The key “${created.description}” was created, but the connection dropped before its secret arrived, so the secret cannot be shown. Revoke that key in the list and add another.`,
      { code: "secret_lost" },
    );
  }
  return new RequestFailure(
    "offline",
    "The connection to the server dropped, and the key was not created. Check your connection and try again.",
  );
}

/** Revokes a key; when the answer is lost, the key is read again to tell whether it was revoked. */
export async function revokeKey(revoke: typeof revokeApiKeyAction, workspaceId: string, key: ApiKeyDto): Promise<ApiKeyDto> {
  const notRevoked = `“${key.description}” was not revoked`;
  let result: Awaited<ReturnType<typeof revokeApiKeyAction>>;
  try {
    result = await revoke(workspaceId, key.id);
  } catch {
    let current: ApiKeyDto;
    try {
      current = await fetchKey(workspaceId, key.id);
    } catch (error) {
      if (isRequestFailure(error) && error.kind === "session") throw sessionEnded(notRevoked);
      throw new RequestFailure(
        "offline",
        `The server did not answer, so it is not known whether “${key.description}” was revoked. Check your connection, then try again: revoking it a second time is safe.`,
      );
    }
    if (current.revokedAt) return current;
    throw new RequestFailure(
      "offline",
      `The connection to the server dropped, and ${notRevoked}: it still works. Check your connection and try again.`,
    );
  }
  if (!result.ok) throw fromActionError(result.error, notRevoked);
  return result.data;
}
