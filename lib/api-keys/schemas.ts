// Input and output shapes of the API key operations: validated here once, and the same
// schemas describe the REST API (lib/http/openapi.ts) and, through it, the SDK.
import "@/lib/zod-config"; // first: before any schema is built
import { z } from "zod";
import { POLICY_VIOLATIONS } from "./policy-schemas";
import { displayText } from "@/lib/text";
import { allowedNetworksSchema, NETWORK_MODES, networkModeSchema } from "./networks";
import { permissionsOutput, permissionsSchema } from "./permissions";

export const MAX_ACTIVE_KEYS = 20;
export const DESCRIPTION_MAX = 100;
/** Bounds of a key's expiry, from the moment it is created. */
export const EXPIRY_MIN_SECONDS = 60 * 60;
export const EXPIRY_MAX_DAYS = 366;
/** How long the previous secret keeps working after a roll, at most and by default. */
const ROLL_GRACE_MAX_SECONDS = 7 * 24 * 60 * 60;
export const ROLL_GRACE_DEFAULT_SECONDS = 24 * 60 * 60;

// Normalised to NFC; no control, invisible or direction-changing characters; at least one
// visible character; length in code points (lib/text.ts, shared with task titles).
export const descriptionSchema = displayText("description", DESCRIPTION_MAX);

const expiresAtSchema = z.iso
  .datetime({ offset: true, error: "expiresAt must be a date and time such as 2026-12-31T23:59:59Z." })
  .refine((value) => Date.parse(value) >= Date.now() + EXPIRY_MIN_SECONDS * 1000, "expiresAt must be at least one hour from now.")
  .refine(
    (value) => Date.parse(value) <= Date.now() + EXPIRY_MAX_DAYS * 86_400_000,
    `expiresAt must be at most ${EXPIRY_MAX_DAYS} days from now.`,
  )
  .transform((value) => new Date(value));

/** A networkMode needs a list: at creation in the same request; in a PATCH not with allowedNetworks null (the stored list is checked there). */
const networkModeNeedsList =
  (creating: boolean) => (value: { allowedNetworks?: unknown; networkMode?: unknown }, context: z.RefinementCtx) => {
    const noList = value.allowedNetworks === null || (creating && value.allowedNetworks === undefined);
    if (value.networkMode !== undefined && noList) {
      context.addIssue({
        code: "custom",
        path: ["networkMode"],
        message: "networkMode applies to a key with allowedNetworks: send a list too, or leave networkMode out.",
      });
    }
  };

export const createApiKeyInput = z
  .object({
    description: descriptionSchema.describe("Names the service and environment that will use the key, e.g. ci-production."),
    expiresAt: expiresAtSchema
      .nullable()
      .optional()
      .describe(`When the key stops working (RFC 3339), at least one hour and at most ${EXPIRY_MAX_DAYS} days ahead. Omit or null: never.`),
    permissions: permissionsSchema
      .optional()
      .describe('What the key may do: null or omitted for full access, or a list such as ["tasks:read"] (tasks:write includes reading).'),
    allowedNetworks: allowedNetworksSchema
      .optional()
      .describe("Where the key may be used from: null or omitted for anywhere, or 1-50 IPv4/IPv6 addresses or CIDR ranges."),
    networkMode: networkModeSchema
      .optional()
      .describe(
        'With allowedNetworks: "enforce" (the default; requests from outside get 403) or "report" (served, and counted as outsideNetwork).',
      ),
  })
  .superRefine(networkModeNeedsList(true));
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const updateApiKeyInput = z
  .object({
    description: descriptionSchema.optional().describe("The key's new description."),
    permissions: permissionsSchema.optional().describe("null for full access, or a list of permissions (see createApiKey)."),
    expiresAt: expiresAtSchema
      .nullable()
      .optional()
      .describe("A new expiry (the same bounds as at creation, from now), or null for never. An expired or revoked key answers 409."),
    allowedNetworks: allowedNetworksSchema.optional().describe("null for any address (also clears networkMode), or a new list."),
    networkMode: networkModeSchema.optional().describe("enforce or report; the key must have (or get) a list."),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: "Send at least one of description, permissions, allowedNetworks, networkMode or expiresAt.",
    path: [],
  })
  .superRefine(networkModeNeedsList(false));
export type UpdateApiKeyInput = z.input<typeof updateApiKeyInput>;

export const rollApiKeyInput = z.object({
  previousSecretExpiresInSeconds: z
    .number({ error: "previousSecretExpiresInSeconds must be a number of seconds." })
    .int("previousSecretExpiresInSeconds must be a whole number of seconds.")
    .min(0, "previousSecretExpiresInSeconds cannot be negative.")
    .max(ROLL_GRACE_MAX_SECONDS, `previousSecretExpiresInSeconds must be at most ${ROLL_GRACE_MAX_SECONDS} (7 days).`)
    .default(ROLL_GRACE_DEFAULT_SECONDS)
    .describe(
      "How long the previous secret keeps working at most (0 to 604800, default 86400). It retires earlier once the new secret is in use and the previous one has been idle for a while.",
    ),
});

const KEY_STATUSES = ["active", "expired", "revoked"] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

export const apiKeySchema = z.object({
  id: z.string(),
  description: z.string(),
  hint: z.string().describe("The prefix and last four characters of the current secret, e.g. one_…a1b2."),
  status: z.enum(KEY_STATUSES).describe("active: works; expired: past expiresAt; revoked: revoked."),
  createdAt: z.iso.datetime(),
  createdBy: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    isMember: z.boolean().describe("false once the creator has left the workspace (or their account was deleted)."),
  }),
  expiresAt: z.iso.datetime().nullable().describe("When the key stops working; null: never."),
  permissions: permissionsOutput,
  allowedNetworks: z
    .array(z.string())
    .nullable()
    .describe("null: any address. Otherwise the CIDR ranges the key may be used from, e.g. 203.0.113.0/24 or 2001:db8::/48."),
  networkMode: z
    .enum(NETWORK_MODES)
    .nullable()
    .describe("enforce: requests from outside allowedNetworks get 403; report: they are served and counted; null without a list."),
  lastUsedAt: z.iso.datetime().nullable(),
  lastUsedIp: z.string().nullable(),
  lastUsedUserAgent: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  previousSecret: z
    .object({
      hint: z.string(),
      expiresAt: z.iso.datetime().describe("When it retires at the latest."),
      lastUsedAt: z.iso.datetime().nullable(),
      lastUsedIp: z.string().nullable(),
    })
    .nullable()
    .describe("While a roll's grace period runs: the previous secret, which still works."),
  exposure: z
    .object({ source: z.string(), url: z.string().nullable(), reportedAt: z.iso.datetime() })
    .nullable()
    .describe("Set when a secret scanner reported one of the key's secrets (the key was then revoked)."),
  policyViolations: z
    .array(z.enum(POLICY_VIOLATIONS))
    .describe(
      "Which rules of the workspace's key policy this active key breaks: maxLifetime (no expiry, or one beyond the maximum from now), allowedNetworks (none while the policy requires them). Empty when none.",
    ),
  unusedRevocationAt: z.iso
    .datetime()
    .nullable()
    .describe(
      "Set while the workspace's revokeUnusedAfterDays rule has warned this unused active key: when it will be revoked (within minutes after). A request with the key before then keeps it. Null otherwise.",
    ),
});
export type ApiKeyDto = z.infer<typeof apiKeySchema>;
