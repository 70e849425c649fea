// Reading keys in their public shape, in one statement: the key, its state and current secret's
// hint, its latest use by any of its secrets, the previous secret while a roll's grace period runs
// (states as authentication sees them: api_key_secret_states), and whether the creator is still a
// member; and which rules of the workspace's key policy it breaks (only an active key can: a
// tightened policy changes no key, it marks them). Every operation that answers with a key reads it here.
import "server-only";
import { query, sql, type Transaction } from "@/lib/db/sql";
import { rollIdleSeconds } from "./config";
import type { NetworkMode } from "./networks";
import { UNUSED_WARNING_DAYS, type PolicyViolation } from "./policy-schemas";
import type { ApiKeyDto, KeyStatus } from "./schemas";

type Row = {
  id: string;
  description: string;
  hint: string;
  status: KeyStatus;
  created_at: Date;
  created_by_id: string;
  created_by_name: string;
  created_by_email: string;
  creator_is_member: boolean;
  expires_at: Date | null;
  permissions: string[] | null;
  allowed_networks: string[] | null;
  network_mode: NetworkMode | null;
  last_used_at: Date | null;
  last_used_ip: string | null;
  last_used_user_agent: string | null;
  revoked_at: Date | null;
  previous_hint: string | null;
  previous_expires_at: Date | null;
  previous_last_used_at: Date | null;
  previous_last_used_ip: string | null;
  exposure_source: string | null;
  exposure_url: string | null;
  exposure_reported_at: Date | null;
  policy_violations: PolicyViolation[];
  unused_revocation_at: Date | null;
};

/**
 * Keys of a workspace, newest first: one key (`keyId`), or the listed ones (not revoked) when
 * `keyId` is null. Inside a transaction, pass it as `tx`.
 */
export async function readKeys(workspaceId: string, keyId: string | null, tx?: Transaction): Promise<ApiKeyDto[]> {
  const idleSeconds = rollIdleSeconds();
  const rows = await query<Row>(
    sql`SELECT k."id", k."description", cur."hint", cur."key_state" AS status,
            k."created_at", k."created_by_id",
            coalesce(u."name", k."created_by_name") AS created_by_name,
            coalesce(u."email", k."created_by_email") AS created_by_email,
            m."user_id" IS NOT NULL AS creator_is_member,
            k."expires_at", k."permissions", k."allowed_networks", k."network_mode", used."last_used_at", used."last_used_ip", used."last_used_user_agent", k."revoked_at",
            prev."hint" AS previous_hint, prev."expires_at" AS previous_expires_at,
            prev."last_used_at" AS previous_last_used_at, prev."last_used_ip" AS previous_last_used_ip,
            k."exposure_source", k."exposure_url", k."exposure_reported_at",
            array_remove(ARRAY[
              CASE WHEN cur."key_state" = 'active' AND w."api_key_max_lifetime_days" IS NOT NULL
                        AND (k."expires_at" IS NULL OR k."expires_at" > now() + make_interval(days => w."api_key_max_lifetime_days"))
                   THEN 'maxLifetime' END,
              CASE WHEN cur."key_state" = 'active' AND w."api_key_require_networks" AND k."allowed_networks" IS NULL
                   THEN 'allowedNetworks' END
            ], NULL) AS policy_violations,
            -- Warned by the unused-key rule (lib/api-keys/unused.ts) and not used since: when the job
            -- revokes it (7 days after the warning, and never before the rule's days have passed).
            CASE WHEN cur."key_state" = 'active' AND w."api_key_revoke_unused_days" IS NOT NULL AND k."unused_warned_at" IS NOT NULL
                      AND greatest(k."created_at", used."last_used_at") <= k."unused_warned_at"
                 THEN greatest(k."unused_warned_at" + make_interval(days => ${UNUSED_WARNING_DAYS}),
                               greatest(k."created_at", used."last_used_at") + make_interval(days => w."api_key_revoke_unused_days"))
            END AS unused_revocation_at
     FROM "api_keys" k
     JOIN "workspaces" w ON w."id" = k."workspace_id"
     JOIN api_key_secret_states(${idleSeconds}) cur ON cur."key_id" = k."id" AND cur."state" = 'current'
     LEFT JOIN "users" u ON u."id" = k."created_by_id"
     -- A join on the (workspace, user) unique index, not EXISTS: the planner may turn EXISTS into
     -- a hashed scan of every membership of every workspace (bench:scale showed it growing).
     LEFT JOIN "memberships" m ON m."workspace_id" = k."workspace_id" AND m."user_id" = k."created_by_id"
     -- The key's latest use, by whichever of its secrets.
     LEFT JOIN LATERAL (
       SELECT s."last_used_at", s."last_used_ip", s."last_used_user_agent" FROM "api_key_secrets" s
       WHERE s."key_id" = k."id" AND s."last_used_at" IS NOT NULL ORDER BY s."last_used_at" DESC LIMIT 1
     ) used ON true
     -- The previous secret, while it still works (a revoked or expired key has none).
     LEFT JOIN LATERAL (
       SELECT p.* FROM api_key_secret_states(${idleSeconds}) p WHERE p."key_id" = k."id" AND p."verdict" = 'previous'
     ) prev ON true
     WHERE k."workspace_id" = ${workspaceId} AND (${keyId}::text IS NULL AND k."revoked_at" IS NULL OR k."id" = ${keyId}::text)
     ORDER BY k."created_at" DESC, k."id" DESC`,
    tx,
  );
  return rows.map(toApiKeyDto);
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toApiKeyDto(row: Row): ApiKeyDto {
  return {
    id: row.id,
    description: row.description,
    hint: row.hint,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    createdBy: { id: row.created_by_id, name: row.created_by_name, email: row.created_by_email, isMember: row.creator_is_member },
    expiresAt: iso(row.expires_at),
    permissions: row.permissions,
    allowedNetworks: row.allowed_networks,
    networkMode: row.network_mode,
    lastUsedAt: iso(row.last_used_at),
    lastUsedIp: row.last_used_ip,
    lastUsedUserAgent: row.last_used_user_agent,
    revokedAt: iso(row.revoked_at),
    previousSecret:
      row.previous_hint && row.previous_expires_at
        ? {
            hint: row.previous_hint,
            expiresAt: row.previous_expires_at.toISOString(),
            lastUsedAt: iso(row.previous_last_used_at),
            lastUsedIp: row.previous_last_used_ip,
          }
        : null,
    exposure:
      row.exposure_source && row.exposure_reported_at
        ? { source: row.exposure_source, url: row.exposure_url, reportedAt: row.exposure_reported_at.toISOString() }
        : null,
    policyViolations: row.policy_violations,
    unusedRevocationAt: iso(row.unused_revocation_at),
  };
}

/** What an audit event about a key records of it: never a secret or its hash. */
export function keyAuditFields(key: { id: string; description: string; hint: string }) {
  return { targetType: "api_key", targetId: key.id, metadata: { description: key.description, hint: key.hint } };
}
