// Who reports leaked secrets, and how the dashboard and the audit log say it: "reported by GitHub
// secret scanning", "reported through the public revocation endpoint". Safe for the browser.
import type { ApiKeyDto } from "@/lib/api-keys/schemas";

/** The exposure source recorded on keys reported through POST /api/v1/revocations. */
export const PUBLIC_REVOCATION_SOURCE = "Public revocation request";

/** "by GitHub secret scanning" or "through the public revocation endpoint", after "reported". */
export function reportedBy(source: string): string {
  return source === PUBLIC_REVOCATION_SOURCE ? "through the public revocation endpoint" : `by ${source}`;
}

/**
 * Which secret a key's latest report was about. A reported current secret revokes the key in the
 * same transaction that records the report (lib/leaks/report.ts), so both carry the same
 * database time; a reported previous secret only retires it (the key may be revoked later, at
 * another time).
 */
export function reportedSecret(key: Pick<ApiKeyDto, "revokedAt" | "exposure">): "current" | "previous" | null {
  if (!key.exposure) return null;
  return key.revokedAt !== null && Date.parse(key.revokedAt) === Date.parse(key.exposure.reportedAt) ? "current" : "previous";
}
