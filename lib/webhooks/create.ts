// Add a webhook endpoint: check the role, validate, check where the URL points (url-guard.ts, before
// the transaction: it asks DNS), generate the signing secret, then in one transaction lock the
// workspace's row (so concurrent creates queue up and the cap of 10 holds exactly, as for keys in
// lib/api-keys/create.ts), count, insert the endpoint with its secret encrypted, and record the
// audit event. The secret is returned here, once.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import { parseInput } from "@/lib/validation";
import { endpointLimitReached } from "./errors";
import { readEndpoints } from "./read";
import { createEndpointInput, MAX_ENDPOINTS, type EndpointDto } from "./schemas";
import { encryptWebhookSecret, generateWebhookSecret, webhookSecretHint } from "./secret";
import { checkEndpointUrl } from "./url-guard";

export async function createWebhookEndpoint(actor: Actor, input: unknown): Promise<EndpointDto & { secret: string }> {
  const scope = authorize(actor, "webhooks.manage");
  const { url, description = "", events = null, enabled = true } = parseInput(createEndpointInput, input);
  await checkEndpointUrl(url);
  const secret = generateWebhookSecret();
  const endpoint = await db().$transaction(
    async (tx) => {
      await query(sql`SELECT 1 FROM "workspaces" WHERE "id" = ${scope.workspaceId} FOR NO KEY UPDATE`, tx);
      const [{ count }] = (await query<{ count: number }>(
        sql`SELECT count(*)::int AS count FROM "webhook_endpoints" WHERE "workspace_id" = ${scope.workspaceId}`,
        tx,
      )) as [{ count: number }];
      if (count >= MAX_ENDPOINTS) throw endpointLimitReached();
      const { id } = await tx.webhookEndpoint.create({
        select: { id: true },
        data: {
          workspaceId: scope.workspaceId,
          url,
          description,
          ...(events ? { events } : {}), // absent: NULL, every type
          enabled,
          disabledReason: enabled ? null : "manual",
          secretEncrypted: encryptWebhookSecret(secret),
          secretHint: webhookSecretHint(secret),
        },
      });
      const [created] = await readEndpoints(scope.workspaceId, id, tx);
      await recordAudit(tx, scope, {
        action: "webhook_endpoint.created",
        targetType: "webhook_endpoint",
        targetId: id,
        metadata: { url, description, events, enabled },
      });
      return created!;
    },
    // Creates of one workspace wait for each other on the row lock: give them time to queue.
    { maxWait: 15_000, timeout: 15_000 },
  );
  return { ...endpoint, secret };
}
