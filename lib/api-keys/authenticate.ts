// Turns an `Authorization: Bearer one_…` token into the key it belongs to.
// Malformed tokens (prefix, length, checksum) are refused without touching the database;
// otherwise one indexed lookup by hash (and clients that keep failing are throttled, see
// guessing.ts). Revoked keys fail on the very next request because
// the lookup reads revoked_at every time. "Last used" is written at most once a minute per
// key, so the dashboard is true to the minute without a write on every request.
import { db } from "@/lib/db/client";
import { noteFailedLookup, refuseIfGuessing } from "./guessing";
import { hashSecret, isWellFormedSecret } from "./secret";

export const LAST_USED_PRECISION_MS = 60_000;

export type AuthenticatedKey = { keyId: string; workspace: { id: string; name: string; slug: string } };

export async function authenticateApiKey(token: string, ip: string | null): Promise<AuthenticatedKey | null> {
  if (!isWellFormedSecret(token)) return null;
  refuseIfGuessing(ip);
  const key = await db().apiKey.findUnique({
    where: { hash: hashSecret(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, workspace: { select: { id: true, name: true, slug: true } } },
  });
  if (!key || key.revokedAt) {
    await noteFailedLookup(ip);
    return null;
  }
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    // Conditional, so concurrent requests of one key write once.
    await db().$executeRaw`
      UPDATE api_keys SET last_used_at = now(), last_used_ip = ${ip}
      WHERE id = ${key.id} AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => ${LAST_USED_PRECISION_MS / 1000}))`;
  }
  return { keyId: key.id, workspace: key.workspace };
}
