// GitHub's keys for secret scanning reports, and checking a report's signature with them.
//
// GitHub signs each report's raw body with ECDSA P-256 / SHA-256 (a base64 DER signature in
// Github-Public-Key-Signature) and names the key in Github-Public-Key-Identifier; the keys are
// published at SECRET_SCANNING_GITHUB_KEYS_URL as {public_keys:[{key_identifier, key, is_current}]}.
// That endpoint is rate-limited, so each process keeps a copy:
//   - fetched when there is none, and again once it is older than the cache time (1 hour);
//   - fetched once more when a report names an identifier the copy lacks (GitHub rotated its
//     key), at most once per refresh interval, because anyone can send an unknown identifier;
//   - when a fetch fails, the copy in hand is used however old (GitHub's old keys stay valid
//     for a while after a rotation); with no copy at all, reports get 503 and change nothing.
// Keys that are not P-256 EC keys are ignored, so a report signed any other way fails to verify.
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { githubKeysCacheSeconds, githubKeysRefreshSeconds, githubKeysUrl } from "./config";

const FETCH_TIMEOUT_MS = 5_000;
const MAX_KEYS_BYTES = 1024 * 1024;
const KEYS_UNAVAILABLE_RETRY_SECONDS = 60;

const keysDocument = z.object({
  public_keys: z.array(z.object({ key_identifier: z.string().min(1), key: z.string().min(1), is_current: z.boolean().optional() })),
});

type Copy = { keys: Map<string, KeyObject>; fetchedAt: number; attemptedAt: number };

// One copy per keys URL (a changed setting starts afresh), and one fetch in flight per URL.
const copies = new Map<string, Copy>();
const inFlight = new Map<string, Promise<Copy | null>>();

/** The P-256 keys of a keys document, by identifier. */
function parseKeys(json: unknown): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const entry of keysDocument.parse(json).public_keys) {
    try {
      const key = createPublicKey(entry.key);
      if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") keys.set(entry.key_identifier, key);
    } catch {
      // Not a public key we can read: ignored like any other algorithm.
    }
  }
  return keys;
}

async function download(url: string): Promise<Map<string, KeyObject>> {
  const response = await fetch(url, {
    headers: { Accept: "application/json", "User-Agent": "one-api-keys secret scanning" },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    redirect: "follow",
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_KEYS_BYTES) throw new Error("the document is larger than 1 MiB");
  return parseKeys(JSON.parse(text));
}

/** Fetches the keys (joining a fetch in flight); the copy in hand when that fails, or null when there is none. */
function refresh(url: string): Promise<Copy | null> {
  const running = inFlight.get(url);
  if (running) return running;
  const attempt = (async () => {
    const now = Date.now();
    const previous = copies.get(url);
    try {
      const copy = { keys: await download(url), fetchedAt: now, attemptedAt: now };
      copies.set(url, copy);
      return copy;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (!previous) {
        console.error(`GitHub secret scanning: could not fetch the signing keys from ${url} (${reason}); reports get 503 until it works.`);
        return null;
      }
      previous.attemptedAt = now;
      const age = Math.round((now - previous.fetchedAt) / 60_000);
      console.error(
        `GitHub secret scanning: could not fetch the signing keys from ${url} (${reason}); using the copy from ${age} minutes ago.`,
      );
      return previous;
    } finally {
      inFlight.delete(url);
    }
  })();
  inFlight.set(url, attempt);
  return attempt;
}

const unavailable = () =>
  new AppError("unavailable", `GitHub's signing keys cannot be fetched right now. Retry in ${KEYS_UNAVAILABLE_RETRY_SECONDS} seconds.`, {
    retryAfterSeconds: KEYS_UNAVAILABLE_RETRY_SECONDS,
  });

/**
 * GitHub's key with this identifier, or null when GitHub does not publish one (as far as we may
 * ask). Throws `unavailable` when the keys cannot be fetched and no copy can answer.
 */
export async function githubKey(identifier: string): Promise<KeyObject | null> {
  const url = githubKeysUrl();
  const refreshMs = githubKeysRefreshSeconds() * 1000;
  const mayRetry = (copy: Copy) => Date.now() - copy.attemptedAt >= refreshMs;
  let copy = copies.get(url);
  let tried = false;
  // Due: none yet, or older than the cache time (after a failed fetch, retried once per refresh interval).
  const expired = (copy: Copy) => Date.now() - copy.fetchedAt >= githubKeysCacheSeconds() * 1000;
  if (!copy || (expired(copy) && (copy.attemptedAt === copy.fetchedAt || mayRetry(copy)))) {
    copy = (await refresh(url)) ?? undefined;
    tried = true;
    if (!copy) throw unavailable();
  }
  if (!copy.keys.has(identifier) && !tried && mayRetry(copy)) {
    // An identifier we do not know: GitHub may have rotated its key since our copy.
    copy = (await refresh(url)) ?? undefined;
    tried = true;
    if (!copy) throw unavailable();
  }
  const key = copy.keys.get(identifier);
  if (key) return key;
  // Not in a copy we just failed to renew: we cannot tell whether GitHub has it.
  if (tried && copy.fetchedAt < copy.attemptedAt) throw unavailable();
  return null;
}

/** Whether `signature` (base64 DER ECDSA) is the key's signature over exactly these bytes. */
export function verifyGithubSignature(key: KeyObject, body: Uint8Array, signature: string): boolean {
  if (!/^[A-Za-z0-9+/]{8,300}={0,2}$/.test(signature)) return false;
  try {
    return verify("sha256", body, { key, dsaEncoding: "der" }, Buffer.from(signature, "base64"));
  } catch {
    return false; // not a DER signature at all
  }
}
