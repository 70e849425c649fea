// Create a key: check the role, validate, generate the secret, then in one transaction lock
// the workspace row (so concurrent creates queue up and the 20-key cap holds exactly; "no
// key update" so rows that merely reference the workspace are not held up), count active keys
// (neither revoked nor expired), insert the key, its secret (hash and hint only) and its audit
// event. The workspace's key policy is read under that lock (lib/api-keys/policy.ts): absent
// permissions take its default, and an expiry or a missing list it forbids is refused. The
// secret is returned here, once, and exists nowhere else.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import { parseInput } from "@/lib/validation";
import { keyLimitReached } from "./errors";
import { checkExpiry, checkNetworks, policyIn } from "./policy";
import { keyAuditFields, readKeys } from "./read";
import { MAX_ACTIVE_KEYS, createApiKeyInput, type ApiKeyDto } from "./schemas";
import { generateSecret, hashSecret, hintFor } from "./secret";

export async function createApiKey(actor: Actor, input: unknown): Promise<ApiKeyDto & { secret: string }> {
  const scope = authorize(actor, "apiKeys.create");
  // Absent permissions: the policy's default (full access unless it says otherwise).
  const { description, expiresAt, permissions: given, allowedNetworks, networkMode } = parseInput(createApiKeyInput, input);
  const creator = scope.by.type === "user" ? scope.by : null;
  if (!creator) throw new Error("Only people create keys (the permission table allows no API key to).");
  const secret = generateSecret();

  const key = await db().$transaction(
    async (tx) => {
      const policy = await policyIn(tx, scope.workspaceId, "update");
      checkExpiry(policy, expiresAt ?? null);
      checkNetworks(policy, allowedNetworks ?? null);
      const permissions = given === undefined ? policy.defaultPermissions : given;
      const [{ active }] = (await query<{ active: number }>(
        sql`SELECT count(*)::int AS active FROM "api_keys"
            WHERE "workspace_id" = ${scope.workspaceId} AND "revoked_at" IS NULL -- (on the index; the state says the rest)
              AND api_key_state("revoked_at", "expires_at") = 'active'`,
        tx,
      )) as [{ active: number }];
      if (active >= MAX_ACTIVE_KEYS) throw keyLimitReached();
      const { id } = await tx.apiKey.create({
        select: { id: true },
        data: {
          workspaceId: scope.workspaceId,
          description,
          expiresAt: expiresAt ?? null,
          ...(permissions ? { permissions } : {}), // absent: NULL, full access
          ...(allowedNetworks ? { allowedNetworks, networkMode: networkMode ?? "enforce" } : {}), // absent: any address
          createdById: creator.id,
          createdByName: creator.name,
          createdByEmail: creator.email,
          secrets: { create: { hash: hashSecret(secret), hint: hintFor(secret) } },
        },
      });
      const [created] = await readKeys(scope.workspaceId, id, tx);
      await recordAudit(tx, scope, {
        action: "api_key.created",
        ...keyAuditFields(created!),
        metadata: {
          description,
          hint: created!.hint,
          expiresAt: created!.expiresAt,
          permissions: created!.permissions,
          allowedNetworks: created!.allowedNetworks,
          networkMode: created!.networkMode,
        },
      });
      return created!;
    },
    // Creates of one workspace wait for each other on the row lock: give them time to queue.
    { maxWait: 15_000, timeout: 15_000 },
  );
  return { ...key, secret };
}
