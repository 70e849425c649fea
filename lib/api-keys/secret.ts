// The key format (docs/keys.md): "one_" + 30 random base62 characters from a CSPRNG + a
// 6-character base62 CRC32 of the random part, 40 characters in all (GitHub's scheme).
// The checksum lets us refuse a mistyped or made-up token without touching the database.
// Only a SHA-256 of the whole secret is stored, plus a hint for people to recognise it.
import { createHash, randomInt } from "node:crypto";
import { crc32 } from "node:zlib";

export const KEY_PREFIX = "one_";
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SHAPE = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);

function base62(value: number, width: number): string {
  let out = "";
  for (let n = value; n > 0; n = Math.floor(n / 62)) out = BASE62[n % 62] + out;
  return out.padStart(width, "0");
}

function checksum(random: string): string {
  return base62(crc32(random), CHECKSUM_LENGTH);
}

export function generateSecret(): string {
  let random = "";
  // randomInt draws without modulo bias.
  for (let i = 0; i < RANDOM_LENGTH; i++) random += BASE62[randomInt(62)];
  return KEY_PREFIX + random + checksum(random);
}

/** True when the token has the shape and checksum of one of our keys (no database needed). */
export function isWellFormedSecret(token: string): boolean {
  if (!SHAPE.test(token)) return false;
  const random = token.slice(KEY_PREFIX.length, KEY_PREFIX.length + RANDOM_LENGTH);
  return token.slice(-CHECKSUM_LENGTH) === checksum(random);
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** What people see after creation: the prefix and the last four characters. */
export function hintFor(secret: string): string {
  return `${KEY_PREFIX}…${secret.slice(-4)}`;
}
