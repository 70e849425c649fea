// Revoke every key of a workspace at once (owners; the incident button). The owner types the
// workspace's slug as `confirm`. One transaction: the workspace's row is locked first (creates
// queue on the same lock, so each racing create either commits before and is revoked here, or
// after and works), then every key that is not revoked (active and expired) is revoked with one
// `api_key.revoked` event each (`bulk: true`). Writes in flight with a key hold its row (FOR
// SHARE, lib/api-keys/hold.ts), so the UPDATE waits for them, as a single revoke does; the next
// request with any of the keys reads revoked_at and is refused, on every instance.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { rollIdleSeconds } from "./config";
import { lockKeysForChange } from "./hold";
import { revokeAllInput } from "./policy-schemas";
import { keyAuditFields } from "./read";

export async function revokeAllApiKeys(actor: Actor, input: unknown): Promise<{ revoked: number }> {
  const scope = authorize(actor, "apiKeys.revokeAll");
  const { confirm } = parseInput(revokeAllInput, input);
  return db().$transaction(
    async (tx) => {
      const [workspace] = await query<{ slug: string }>(
        sql`SELECT "slug" FROM "workspaces" WHERE "id" = ${scope.workspaceId} FOR NO KEY UPDATE`,
        tx,
      );
      if (confirm !== workspace!.slug) {
        const message = `confirm must be this workspace's slug, ${workspace!.slug}. Nothing was revoked.`;
        throw new AppError("invalid_input", message, { fields: { confirm: message } });
      }
      const active = await query<{ id: string }>(
        sql`SELECT "id" FROM "api_keys"
            WHERE "workspace_id" = ${scope.workspaceId} AND "revoked_at" IS NULL AND api_key_state("revoked_at", "expires_at") = 'active'`,
        tx,
      );
      // Only active keys can have writes in flight (lib/api-keys/hold.ts); at most the cap of them.
      await lockKeysForChange(
        tx,
        active.map((key) => key.id),
      );
      const revoked = await query<{ id: string; description: string; hint: string | null }>(
        sql`WITH revoked AS (
              UPDATE "api_keys" SET "revoked_at" = now(), "revoked_by_id" = ${scope.userId}
              WHERE "workspace_id" = ${scope.workspaceId} AND "revoked_at" IS NULL
              RETURNING "id", "description"
            )
            SELECT revoked."id", revoked."description", cur."hint"
            FROM revoked LEFT JOIN api_key_secret_states(${rollIdleSeconds()}) cur ON cur."key_id" = revoked."id" AND cur."state" = 'current'
            ORDER BY revoked."id"`,
        tx,
      );
      for (const key of revoked) {
        const fields = keyAuditFields({ ...key, hint: key.hint ?? "" });
        await recordAudit(tx, scope, { action: "api_key.revoked", ...fields, metadata: { ...fields.metadata, bulk: true } });
      }
      return { revoked: revoked.length };
    },
    // It may wait for creates and for writes in flight with the keys.
    { maxWait: 15_000, timeout: 30_000 },
  );
}
