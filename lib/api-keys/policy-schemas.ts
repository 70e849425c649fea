// The key policy's shape (lib/api-keys/policy.ts keeps it): what PUT takes and GET answers, also
// read by the audit events' description and the dashboard, so nothing here reaches the server.
import { z } from "zod";
import { permissionsOutput, permissionsSchema } from "./permissions";

const LIFETIME_MAX_DAYS = 366;
const UNUSED_MIN_DAYS = 7;
/** How long before the unused-key rule revokes a key its owners and admins are warned. */
export const UNUSED_WARNING_DAYS = 7;

const days = (field: string, min: number) => {
  const message = `${field} must be null or a whole number of days from ${min} to ${LIFETIME_MAX_DAYS}.`;
  return z.number({ error: message }).int(message).min(min, message).max(LIFETIME_MAX_DAYS, message).nullable();
};

/** The whole policy, as `PUT` takes it (every field required) and `GET` answers it. */
export const apiKeyPolicyInput = z.object({
  maxLifetimeDays: days("maxLifetimeDays", 1).describe(
    `Keys must expire within this many days of being created or given a new expiry (1-${LIFETIME_MAX_DAYS}); null: no maximum.`,
  ),
  defaultPermissions: permissionsSchema.describe(
    "The permissions a key gets when it is created without any; null: full access. An explicit permissions: null stays allowed.",
  ),
  requireAllowedNetworks: z
    .boolean({ error: "requireAllowedNetworks must be true or false." })
    .describe("Keys must have allowedNetworks: creating one without them, or removing them, is refused."),
  revokeUnusedAfterDays: days("revokeUnusedAfterDays", UNUSED_MIN_DAYS).describe(
    `Active keys with no request for this many days are revoked, after a warning ${UNUSED_WARNING_DAYS} days before (${UNUSED_MIN_DAYS}-${LIFETIME_MAX_DAYS}); null: never.`,
  ),
});

export const apiKeyPolicySchema = z.object({
  maxLifetimeDays: z.number().int().nullable(),
  defaultPermissions: permissionsOutput,
  requireAllowedNetworks: z.boolean(),
  revokeUnusedAfterDays: z.number().int().nullable(),
});
export type ApiKeyPolicy = z.infer<typeof apiKeyPolicySchema>;

/** Which rules an existing key breaks (the key object's `policyViolations`). */
export const POLICY_VIOLATIONS = ["maxLifetime", "allowedNetworks"] as const;
export type PolicyViolation = (typeof POLICY_VIOLATIONS)[number];

/** Revoke all: the workspace's slug, typed as confirmation. */
export const revokeAllInput = z.object({
  confirm: z
    .string({ error: "Type the workspace's slug as confirm to revoke every key." })
    .max(100, "confirm is the workspace's slug.")
    .describe("The workspace's slug, typed by the person as confirmation."),
});

export const revokeAllResult = z.object({ revoked: z.number().int().describe("How many keys were revoked (active and expired).") });
