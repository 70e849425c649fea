// Signing and cookie keys of the local OpenID provider, kept in one JSON file.
// The file is created on first start and reused afterwards, so tokens issued before a
// restart still verify against the provider's JWKS and browser sessions keep working.
// Format: a private JWK Set plus the cookie-signing keys:
//   { "keys": [ <RS256 private JWK> ], "cookieKeys": [ "<random>" ] }
import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";

export interface ProviderKeys {
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

export async function loadOrCreateKeys(keysFile: string): Promise<ProviderKeys> {
  const existing = await readKeysFile(keysFile);
  if (existing) return existing;

  const created = { jwks: { keys: [await generateSigningKey()] }, cookieKeys: [randomBytes(32).toString("base64url")] };
  await mkdir(dirname(keysFile), { recursive: true });
  // Write a temporary file, then link it into place: link() refuses to replace an existing
  // file, so two processes starting at once end up sharing the first complete key file.
  const temporary = `${keysFile}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const contents = { keys: created.jwks.keys, cookieKeys: created.cookieKeys };
  await writeFile(temporary, JSON.stringify(contents, null, 2) + "\n", { mode: 0o600, flag: "wx" });
  try {
    await link(temporary, keysFile);
  } catch (error) {
    if (!isErrorCode(error, "EEXIST")) throw error;
    return (await readKeysFile(keysFile)) ?? created;
  } finally {
    await unlink(temporary);
  }
  return created;
}

async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: "RS256", use: "sig" };
}

async function readKeysFile(keysFile: string): Promise<ProviderKeys | undefined> {
  let text: string;
  try {
    text = await readFile(keysFile, "utf8");
  } catch (error) {
    if (isErrorCode(error, "ENOENT")) return undefined;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (!isKeysFile(parsed)) {
    throw new Error(`${keysFile} is not a key file of the local OpenID provider; delete it to create a new one.`);
  }
  return { jwks: { keys: parsed.keys }, cookieKeys: parsed.cookieKeys };
}

function isKeysFile(value: unknown): value is { keys: JWK[]; cookieKeys: string[] } {
  if (typeof value !== "object" || value === null) return false;
  const { keys, cookieKeys } = value as { keys?: unknown; cookieKeys?: unknown };
  return (
    Array.isArray(keys) &&
    keys.length > 0 &&
    keys.every((key) => typeof key === "object" && key !== null && "d" in key) &&
    Array.isArray(cookieKeys) &&
    cookieKeys.length > 0 &&
    cookieKeys.every((key) => typeof key === "string" && key.length >= 32)
  );
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}
