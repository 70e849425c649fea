// Give an endpoint a new signing secret (owners and admins). The secret it replaces keeps signing
// beside it for 24 hours, so a receiver can switch without losing a delivery; a second rotation
// within those hours drops the oldest. The new secret is returned here, once.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import { isPlausibleId } from "@/lib/ids";
import { endpointNotFound } from "./errors";
import { readEndpoints } from "./read";
import type { EndpointDto } from "./schemas";
import { encryptWebhookSecret, generateWebhookSecret, webhookSecretHint } from "./secret";

const PREVIOUS_SECRET_HOURS = 24;

export async function rotateWebhookSecret(actor: Actor, input: { endpointId: string }): Promise<EndpointDto & { secret: string }> {
  const scope = authorize(actor, "webhooks.manage");
  if (!isPlausibleId(input.endpointId)) throw endpointNotFound();
  const secret = generateWebhookSecret();
  const secretHint = webhookSecretHint(secret);
  const endpoint = await db().$transaction(async (tx) => {
    const [rotated] = await query<{ url: string; description: string; previous_secret_expires_at: Date }>(
      sql`UPDATE "webhook_endpoints" SET
            "previous_secret_encrypted" = "secret_encrypted",
            "previous_secret_expires_at" = now() + make_interval(hours => ${PREVIOUS_SECRET_HOURS}),
            "secret_encrypted" = ${encryptWebhookSecret(secret)}, "secret_hint" = ${secretHint}
          WHERE "id" = ${input.endpointId} AND "workspace_id" = ${scope.workspaceId}
          RETURNING "url", "description", "previous_secret_expires_at"`,
      tx,
    );
    if (!rotated) throw endpointNotFound();
    await recordAudit(tx, scope, {
      action: "webhook_endpoint.secret_rotated",
      targetType: "webhook_endpoint",
      targetId: input.endpointId,
      metadata: {
        url: rotated.url,
        description: rotated.description,
        secretHint,
        previousSecretExpiresAt: rotated.previous_secret_expires_at.toISOString(),
      },
    });
    const [endpoint] = await readEndpoints(scope.workspaceId, input.endpointId, tx);
    return endpoint!;
  });
  return { ...endpoint, secret };
}
