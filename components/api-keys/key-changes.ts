// The dashboard's changes to API keys, each through its server action (lib/actions/api-keys.ts)
// for the workspace the page was rendered for (never `current`, so a tab opened before a
// workspace switch cannot act on another one). A refusal becomes a RequestFailure in the
// dashboard's words. When a change fails without an answer (offline, the connection dropped, the
// server stopped), the key is read again through the REST API so the person is told whether
// anything changed; a secret that was made but never arrived is said, never dropped silently.
import type { NetworkMode } from "@/lib/api-keys/networks";
import { createApiKeyAction, revokeApiKeyAction, rollApiKeyAction, updateApiKeyAction } from "@/lib/actions/api-keys";
import { dismissExposureAlertAction } from "@/lib/actions/leaks";
import { fromActionError, isRequestFailure, RequestFailure, sessionEnded } from "@/lib/ui/browser/request-failure";
import { read, type KeyList } from "@/lib/ui/browser/rest";
import { formatExact } from "@/lib/ui/time";
import { formatDuration } from "./duration";
import type { ApiKeyDto } from "./types";

export type Created = { key: ApiKeyDto; secret: string };

/** The key as the server has it now, or the failure that says why it cannot be known. */
async function readAgain<T>(read: () => Promise<T>, consequence: string): Promise<T | RequestFailure | null> {
  try {
    return await read();
  } catch (error) {
    return isRequestFailure(error) && error.kind === "session" ? sessionEnded(consequence) : null;
  }
}

/**
 * Creates a key. `knownIds` are the keys listed before: when the answer is lost, a new key
 * with this description in the list means the request got through (and its secret is lost).
 */
/** What the Add key dialog sends (networks only when the workspace's key policy requires them). */
export type NewKey = { description: string; expiresAt: string | null; permissions: string[] | null; allowedNetworks?: string[] };

export async function createKey(workspaceId: string, input: NewKey, knownIds: ReadonlySet<string>): Promise<Created> {
  const notCreated = "the key was not created";
  let result: Awaited<ReturnType<typeof createApiKeyAction>>;
  try {
    result = await createApiKeyAction(workspaceId, input);
  } catch {
    const description = input.description.trim();
    const list = await readAgain<KeyList>(() => read.keyList(workspaceId), notCreated);
    if (list instanceof RequestFailure) throw list;
    if (!list) {
      throw new RequestFailure(
        "offline",
        `The server cannot be reached. Check your connection and try again; what you typed is kept. ` +
          `If “${description}” appears in the list later, this request did get through before the connection dropped: revoke that key, because its secret was never shown.`,
      );
    }
    const created = list.data.find((key) => !knownIds.has(key.id) && key.description === description);
    if (created) {
      throw new RequestFailure(
        "offline",
        `The key “${created.description}” was created, but the connection dropped before its secret arrived, so the secret cannot be shown. Revoke that key in the list and add another.`,
        { code: "secret_lost" },
      );
    }
    throw new RequestFailure(
      "offline",
      "The connection to the server dropped, and the key was not created. Check your connection and try again.",
    );
  }
  if (!result.ok) throw fromActionError(result.error, notCreated);
  return result.data;
}

/** Revokes a key; when the answer is lost, the key is read again to tell whether it was revoked. */
export async function revokeKey(workspaceId: string, key: ApiKeyDto): Promise<ApiKeyDto> {
  const notRevoked = `“${key.description}” was not revoked`;
  let result: Awaited<ReturnType<typeof revokeApiKeyAction>>;
  try {
    result = await revokeApiKeyAction(workspaceId, key.id);
  } catch {
    const current = await readAgain(() => read.key(workspaceId, key.id), notRevoked);
    if (current instanceof RequestFailure) throw current;
    if (!current) {
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

/** Renames a key; when the answer is lost, the key is read again to tell whether it was renamed. */
export async function renameKey(workspaceId: string, key: ApiKeyDto, description: string): Promise<ApiKeyDto> {
  const notRenamed = `the key was not renamed`;
  let result: Awaited<ReturnType<typeof updateApiKeyAction>>;
  try {
    result = await updateApiKeyAction(workspaceId, key.id, { description });
  } catch {
    const current = await readAgain(() => read.key(workspaceId, key.id), notRenamed);
    if (current instanceof RequestFailure) throw current;
    if (!current) {
      throw new RequestFailure(
        "offline",
        `The server did not answer, so it is not known whether the key was renamed. Check your connection, then save again: what you typed is kept, and saving twice is harmless.`,
      );
    }
    if (current.description === description.trim().normalize("NFC")) return current;
    throw new RequestFailure(
      "offline",
      `The connection to the server dropped, and the key was not renamed: it is still “${current.description}”. Check your connection and save again; what you typed is kept.`,
    );
  }
  if (!result.ok) throw fromActionError(result.error, notRenamed);
  return result.data;
}

/**
 * What the key's page changes besides the description: its permissions (null: full access), its
 * networks (null: any address; the mode only with a list) or its expiry (null: never).
 */
export type KeyChange =
  { permissions: string[] | null } | { allowedNetworks: string[] | null; networkMode?: NetworkMode } | { expiresAt: string | null };

const whatOf = (change: KeyChange) => ("permissions" in change ? "permissions" : "allowedNetworks" in change ? "networks" : "expiry");

/** Whether `current` already shows `change` (it went through even though its answer was lost). */
function isApplied(current: ApiKeyDto, change: KeyChange): boolean {
  if ("permissions" in change) return JSON.stringify(current.permissions) === JSON.stringify(change.permissions);
  if ("allowedNetworks" in change) {
    return (
      JSON.stringify(current.allowedNetworks) === JSON.stringify(change.allowedNetworks) &&
      (change.allowedNetworks === null || change.networkMode === undefined || current.networkMode === change.networkMode)
    );
  }
  return (
    (current.expiresAt === null) === (change.expiresAt === null) &&
    (change.expiresAt === null || Date.parse(current.expiresAt!) === Date.parse(change.expiresAt))
  );
}

/**
 * Changes a key's permissions or expiry; when the answer is lost, the key is read again to tell
 * whether the change went through (saving the same change twice is harmless).
 */
export async function changeKey(workspaceId: string, key: ApiKeyDto, change: KeyChange): Promise<ApiKeyDto> {
  const what = whatOf(change);
  const notChanged = `the key's ${what} did not change`;
  let result: Awaited<ReturnType<typeof updateApiKeyAction>>;
  try {
    result = await updateApiKeyAction(workspaceId, key.id, change);
  } catch {
    const current = await readAgain(() => read.key(workspaceId, key.id), notChanged);
    if (current instanceof RequestFailure) throw current;
    if (!current) {
      throw new RequestFailure(
        "offline",
        `The server did not answer, so it is not known whether the key's ${what} changed. Check your connection, then save again: saving twice is harmless.`,
      );
    }
    if (isApplied(current, change)) return current;
    throw new RequestFailure(
      "offline",
      `The connection to the server dropped, and the key's ${what} did not change. Check your connection and save again.`,
    );
  }
  if (!result.ok) throw fromActionError(result.error, notChanged);
  return result.data;
}

/** `before`: the key when the person chose to roll it; a changed current secret means a roll went through. */
export type RollRequest = { before: ApiKeyDto; graceSeconds: number; checkFirst: boolean };

/** A roll that went through without its new secret arriving; `key` is the key as it is now. */
export class SecretLost extends RequestFailure {
  constructor(
    readonly key: ApiKeyDto,
    message: string,
  ) {
    super("offline", message, { code: "secret_lost" });
  }
}

/** A roll that reached the server whose new secret never arrived: say so, and what still works. */
function secretLost(before: ApiKeyDto, now: ApiKeyDto): SecretLost {
  const previous = now.previousSecret;
  const stillWorks = previous
    ? `The previous secret ${previous.hint} keeps working until ${formatExact(previous.expiresAt)} at the latest, so your services are not cut off yet.`
    : `The previous secret ${before.hint} stopped working when the key was rolled.`;
  return new SecretLost(
    now,
    `“${now.description}” was probably rolled, but the connection dropped before its new secret arrived, so the new secret cannot be shown. ${stillWorks} ` +
      `Roll again to get a secret you can see${previous ? `: ${previous.hint} then stops working at once, so roll when you are ready to give your services the new secret` : ""}.`,
  );
}

/**
 * Rolls a key. When the answer is lost, the key is read again: a current secret other than the
 * one it had means the roll went through and its new secret was lost. `checkFirst` (after an
 * attempt whose outcome is unknown) reads the key before rolling, so a roll that did go through
 * is not silently rolled over: rolling again ends the previous secret at once.
 */
export async function rollKey(workspaceId: string, { before, graceSeconds, checkFirst }: RollRequest): Promise<Created> {
  const notRolled = `“${before.description}” was not rolled: its secret still works`;
  if (checkFirst) {
    const current = await readAgain(() => read.key(workspaceId, before.id), notRolled);
    if (current instanceof RequestFailure) throw current;
    if (current && current.hint !== before.hint) throw secretLost(before, current);
  }
  let result: Awaited<ReturnType<typeof rollApiKeyAction>>;
  try {
    result = await rollApiKeyAction(workspaceId, before.id, graceSeconds);
  } catch {
    const current = await readAgain(() => read.key(workspaceId, before.id), notRolled);
    if (current instanceof RequestFailure) throw current;
    if (!current) {
      throw new RequestFailure(
        "offline",
        `The server did not answer, so it is not known whether “${before.description}” was rolled. If it was, its new secret is lost and ${graceSeconds > 0 ? `the previous secret ${before.hint} keeps working for ${formatDuration(graceSeconds)} at the latest` : `the previous secret ${before.hint} stopped working`}. Check your connection, then try again: the key is checked before it is rolled again.`,
        { code: "outcome_unknown" },
      );
    }
    if (current.hint !== before.hint) throw secretLost(before, current);
    throw new RequestFailure("offline", `The connection to the server dropped, and ${notRolled}. Check your connection and try again.`);
  }
  if (!result.ok) throw fromActionError(result.error, notRolled);
  return result.data;
}

/** Dismisses the alert about an exposed key for this person. Dismissing twice is harmless. */
export async function dismissExposure(workspaceId: string, alert: { keyId: string; description: string }): Promise<void> {
  let result: Awaited<ReturnType<typeof dismissExposureAlertAction>>;
  try {
    result = await dismissExposureAlertAction(workspaceId, alert.keyId);
  } catch {
    throw new RequestFailure(
      "offline",
      `The server did not answer, so it is not known whether the alert about “${alert.description}” was dismissed. Check your connection, then try again: dismissing it twice is harmless.`,
    );
  }
  if (!result.ok) throw fromActionError(result.error, "the alert was not dismissed");
}
