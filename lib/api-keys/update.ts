// Change a key (owners and admins): its description, permissions, allowed networks and their
// mode, and expiry, any of them in one request. The key's row is locked while it is read and written, so concurrent changes queue and
// each audit event's `from` is what the change really replaced. A revoked key takes no change
// (409); an expired one may be renamed or narrowed but its expiry cannot move (409: an expired key
// stays expired). Authentication reads permissions, networks and expiry from the row on every request, so a
// change applies from the next request on every instance. Only what actually changed is written
// and recorded (`changes` of api_key.updated); a request that changes nothing records nothing.
// The workspace's key policy is read first (its row FOR SHARE, before the key's row, the order
// creates and revoke-all lock in): a new expiry must be within its maximum lifetime, and a list
// it requires cannot be removed. A rename is never refused by it.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import type { KeyChangeField } from "@/lib/audit-log/events";
import { db } from "@/lib/db/client";
import { execute, query, sql } from "@/lib/db/sql";
import { isPlausibleId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { keyNotActive, keyNotFound } from "./errors";
import type { NetworkMode } from "./networks";
import { lockKeysForChange } from "./hold";
import { checkExpiry, checkNetworks, policyIn } from "./policy";
import { keyAuditFields, readKeys } from "./read";
import { updateApiKeyInput, type ApiKeyDto } from "./schemas";
import type { KeyStatus } from "./schemas";

type Before = {
  description: string;
  permissions: string[] | null;
  allowed_networks: string[] | null;
  network_mode: NetworkMode | null;
  expires_at: Date | null;
  status: KeyStatus;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateApiKey(actor: Actor, input: { keyId: string; changes: unknown }): Promise<ApiKeyDto> {
  const scope = authorize(actor, "apiKeys.update");
  if (!isPlausibleId(input.keyId)) throw keyNotFound();
  const wanted = parseInput(updateApiKeyInput, input.changes);
  return db().$transaction(async (tx) => {
    const policy = await policyIn(tx, scope.workspaceId, "share");
    await lockKeysForChange(tx, [input.keyId]);
    const [before] = await query<Before>(
      sql`SELECT "description", "permissions", "allowed_networks", "network_mode", "expires_at", api_key_state("revoked_at", "expires_at") AS status FROM "api_keys"
          WHERE "id" = ${input.keyId} AND "workspace_id" = ${scope.workspaceId} FOR NO KEY UPDATE`,
      tx,
    );
    if (!before) throw keyNotFound();
    if (before.status === "revoked") throw keyNotActive("revoked", Object.keys(wanted).join() === "description" ? "renamed" : "changed");
    if (wanted.expiresAt !== undefined && before.status === "expired") throw keyNotActive("expired", "given a new expiry");
    if (wanted.expiresAt !== undefined) checkExpiry(policy, wanted.expiresAt);
    if (wanted.allowedNetworks === null) checkNetworks(policy, null);

    const changes: Partial<Record<KeyChangeField, { from: unknown; to: unknown }>> = {};
    if (wanted.description !== undefined && wanted.description !== before.description) {
      changes.description = { from: before.description, to: wanted.description };
    }
    if (wanted.permissions !== undefined && !same(wanted.permissions, before.permissions)) {
      changes.permissions = { from: before.permissions, to: wanted.permissions };
    }
    // Networks: null clears the mode with the list; a new list keeps the mode (enforce for a first
    // list); a mode alone needs a stored list.
    const allowedNetworks = wanted.allowedNetworks === undefined ? before.allowed_networks : wanted.allowedNetworks;
    if (wanted.networkMode !== undefined && allowedNetworks === null) {
      throw new AppError("invalid_input", "networkMode applies to a key with allowedNetworks: this key has none, so send a list too.", {
        fields: { networkMode: "networkMode applies to a key with allowedNetworks: this key has none, so send a list too." },
      });
    }
    const networkMode = allowedNetworks === null ? null : (wanted.networkMode ?? before.network_mode ?? "enforce");
    if (!same(allowedNetworks, before.allowed_networks)) changes.allowedNetworks = { from: before.allowed_networks, to: allowedNetworks };
    if (networkMode !== before.network_mode) changes.networkMode = { from: before.network_mode, to: networkMode };
    const expiresAt = wanted.expiresAt === undefined ? undefined : (wanted.expiresAt?.toISOString() ?? null);
    if (expiresAt !== undefined && expiresAt !== (before.expires_at?.toISOString() ?? null)) {
      changes.expiresAt = { from: before.expires_at?.toISOString() ?? null, to: expiresAt };
    }

    if (Object.keys(changes).length > 0) {
      await execute(
        sql`UPDATE "api_keys" SET
              "description" = CASE WHEN ${!!changes.description} THEN ${wanted.description ?? ""} ELSE "description" END,
              "permissions" = CASE WHEN ${!!changes.permissions} THEN ${wanted.permissions ? JSON.stringify(wanted.permissions) : null}::jsonb ELSE "permissions" END,
              "allowed_networks" = ${allowedNetworks ? JSON.stringify(allowedNetworks) : null}::jsonb,
              "network_mode" = ${networkMode}::text,
              "expires_at" = CASE WHEN ${!!changes.expiresAt} THEN ${expiresAt ?? null}::timestamptz ELSE "expires_at" END,
              -- A new expiry re-arms its e-mail notices (lib/mail/expiry.ts).
              "expiry_set_at" = CASE WHEN ${!!changes.expiresAt} THEN now() ELSE "expiry_set_at" END,
              "expiry_notice_stage" = CASE WHEN ${!!changes.expiresAt} THEN 0 ELSE "expiry_notice_stage" END
            WHERE "id" = ${input.keyId}`,
        tx,
      );
    }
    const [key] = await readKeys(scope.workspaceId, input.keyId, tx);
    if (Object.keys(changes).length > 0) {
      const audit = keyAuditFields(key!);
      await recordAudit(tx, scope, {
        action: "api_key.updated",
        ...audit,
        metadata: {
          ...audit.metadata,
          changes,
          ...(changes.description ? { previousDescription: before.description } : {}),
        },
      });
    }
    return key!;
  });
}
