// The workspace's key policy: rules an owner sets once and every operation that makes or changes a
// key keeps (REST, server actions, SDK and CLI all reach these operations). It lives on the
// workspace's row: a create reads it under the lock it already takes there, a PATCH reads it FOR
// SHARE, and a policy change updates the row, so a key is always judged by the policy that was in
// force when it was written. Tightening a policy changes no key: keys that break it carry
// `policyViolations` (lib/api-keys/read.ts) until someone fixes them.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { query, sql, type Statement, type Transaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { apiKeyPolicyInput, type ApiKeyPolicy } from "./policy-schemas";

type Row = {
  max_lifetime_days: number | null;
  default_permissions: string[] | null;
  require_networks: boolean;
  revoke_unused_days: number | null;
};

const toPolicy = (row: Row): ApiKeyPolicy => ({
  maxLifetimeDays: row.max_lifetime_days,
  defaultPermissions: row.default_permissions,
  requireAllowedNetworks: row.require_networks,
  revokeUnusedAfterDays: row.revoke_unused_days,
});

/** The policy's columns of a workspace's row; `lock`: how the caller's transaction holds the row. */
const readPolicy = (workspaceId: string, lock: Statement) =>
  sql`SELECT "api_key_max_lifetime_days" AS max_lifetime_days, "api_key_default_permissions" AS default_permissions,
             "api_key_require_networks" AS require_networks, "api_key_revoke_unused_days" AS revoke_unused_days
      FROM "workspaces" WHERE "id" = ${workspaceId} ${lock}`;
const LOCKS = { none: sql``, update: sql`FOR NO KEY UPDATE`, share: sql`FOR SHARE` };

/**
 * The policy of a workspace inside the caller's transaction. `lock`: "update" for a create (the
 * row lock creates already queue on) or "share" for a change of a key.
 */
export async function policyIn(tx: Transaction, workspaceId: string, lock: "update" | "share"): Promise<ApiKeyPolicy> {
  const [row] = await query<Row>(readPolicy(workspaceId, LOCKS[lock]), tx);
  return toPolicy(row!);
}

const refused = (field: string, message: string) => new AppError("invalid_input", message, { fields: { [field]: message } });

/**
 * Refuses an expiry the policy does not allow: none, or later than the maximum from now. Only
 * when a key is created or given a new expiry (a rename or a roll keeps the key's expiry).
 */
export function checkExpiry(policy: ApiKeyPolicy, expiresAt: Date | null, now = Date.now()): void {
  const max = policy.maxLifetimeDays;
  if (max === null) return;
  if (expiresAt === null || expiresAt.getTime() > now + max * 86_400_000) {
    throw refused("expiresAt", `This workspace's key policy allows keys to live at most ${max} days. Choose an expiry within ${max} days.`);
  }
}

/** Refuses a key without allowed networks when the policy requires them. */
export function checkNetworks(policy: ApiKeyPolicy, allowedNetworks: string[] | null): void {
  if (policy.requireAllowedNetworks && allowedNetworks === null) {
    throw refused(
      "allowedNetworks",
      "This workspace's key policy requires allowed networks on every key. Give the addresses or ranges the key is used from.",
    );
  }
}

export async function getApiKeyPolicy(actor: Actor): Promise<ApiKeyPolicy> {
  const scope = authorize(actor, "apiKeyPolicy.read");
  const [row] = await query<Row>(readPolicy(scope.workspaceId, LOCKS.none));
  return toPolicy(row!);
}

/** Replaces the whole policy (owners); records `workspace.api_key_policy_updated` with from and to when it changed. */
export async function updateApiKeyPolicy(actor: Actor, input: unknown): Promise<ApiKeyPolicy> {
  const scope = authorize(actor, "apiKeyPolicy.update");
  const to = parseInput(apiKeyPolicyInput, input);
  return db().$transaction(async (tx) => {
    const from = await policyIn(tx, scope.workspaceId, "update");
    if (JSON.stringify(from) === JSON.stringify(to)) return from;
    await query(
      sql`UPDATE "workspaces" SET
            "api_key_max_lifetime_days" = ${to.maxLifetimeDays},
            "api_key_default_permissions" = ${to.defaultPermissions ? JSON.stringify(to.defaultPermissions) : null}::jsonb,
            "api_key_require_networks" = ${to.requireAllowedNetworks},
            "api_key_revoke_unused_days" = ${to.revokeUnusedAfterDays}
          WHERE "id" = ${scope.workspaceId}`,
      tx,
    );
    await recordAudit(tx, scope, {
      action: "workspace.api_key_policy_updated",
      targetType: "workspace",
      targetId: scope.workspaceId,
      metadata: { from, to },
    });
    return to;
  });
}
