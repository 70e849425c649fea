// The public shape of a key: never the hash, never a raw row.
import type { ApiKeyDto } from "./schemas";

type KeyRow = {
  id: string;
  description: string;
  hint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { id: string; name: string; email: string };
};

export const keyInclude = { createdBy: { select: { id: true, name: true, email: true } } } as const;

export function toApiKeyDto(row: KeyRow): ApiKeyDto {
  return {
    id: row.id,
    description: row.description,
    hint: row.hint,
    createdAt: row.createdAt.toISOString(),
    createdBy: { id: row.createdBy.id, name: row.createdBy.name, email: row.createdBy.email },
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** What an audit event about a key records of it: never the secret or its hash. */
export function keyAuditFields(row: { id: string; description: string; hint: string }) {
  return { targetType: "api_key", targetId: row.id, metadata: { description: row.description, hint: row.hint } };
}
