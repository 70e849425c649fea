// Every audit event the product writes, from its action to what its metadata holds: one zod
// union. recordAudit (lib/audit.ts) takes only these, so each writer is type-checked; the labels
// (labels.ts) are typed by it, so an action or a retirement reason without its label does not
// compile; the API document describes each event with it (schemas.ts). Metadata never holds a secret.
import { z } from "zod";
import { apiKeyPolicySchema } from "@/lib/api-keys/policy-schemas";

/** What an event about a key records of it, as it was then. */
const key = {
  description: z.string().describe("The key's description."),
  hint: z.string().describe("The hint of the secret the event is about, e.g. one_…a1b2 (never the secret)."),
};

const RETIREMENT_REASONS = ["idle", "deadline", "rolled_again", "exposed"] as const;
export type RetirementReason = (typeof RETIREMENT_REASONS)[number];

/** The fields of a key a PATCH may change, as `changes` of api_key.updated names them. */
const KEY_CHANGE_FIELDS = ["description", "permissions", "allowedNetworks", "networkMode", "expiresAt"] as const;
export type KeyChangeField = (typeof KEY_CHANGE_FIELDS)[number];

const EXPOSURE_OUTCOMES = ["revoked", "previous_secret_retired"] as const;

/** What an event about a webhook endpoint records of it, as it was then. */
const endpoint = {
  url: z.string().describe("The endpoint's URL."),
  description: z.string().describe("The endpoint's description."),
};

/** The fields of an endpoint a PATCH may change, as `changes` of webhook_endpoint.updated names them. */
const ENDPOINT_CHANGE_FIELDS = ["url", "description", "events", "enabled"] as const;
export type EndpointChangeField = (typeof ENDPOINT_CHANGE_FIELDS)[number];

const event = <Action extends string, Shape extends z.ZodRawShape>(action: Action, summary: string, metadata: Shape) =>
  z.object({ action: z.literal(action).describe(summary), metadata: z.object(metadata) });

export const auditEventBody = z.discriminatedUnion("action", [
  event("api_key.created", "A key was created.", {
    ...key,
    expiresAt: z.iso.datetime().nullable().describe("When the key expires; null: never."),
    permissions: z.array(z.string()).nullable().optional().describe("Its permissions; null: full access (absent before December 2026)."),
    allowedNetworks: z.array(z.string()).nullable().optional().describe("Its allowed networks; null: any address."),
    networkMode: z.enum(["enforce", "report"]).nullable().optional().describe("enforce or report; null without a list."),
  }),
  event("api_key.updated", "A key's description, permissions or expiry changed.", {
    ...key,
    changes: z
      .partialRecord(z.enum(KEY_CHANGE_FIELDS), z.object({ from: z.unknown(), to: z.unknown() }))
      .optional()
      .describe(
        "Each field that changed, from and to: description, permissions (null: full access), allowedNetworks (null: any address), networkMode, expiresAt (null: never).",
      ),
    previousDescription: z.string().optional().describe("The description before a rename (also in changes)."),
  }),
  event("api_key.rolled", "A key got a new secret; the previous one keeps working for a while.", {
    ...key,
    previousHint: z.string().describe("The previous secret's hint."),
    previousSecretExpiresAt: z.iso.datetime().describe("When the previous secret retires at the latest."),
  }),
  event("api_key.previous_secret_retired", "A rolled key's previous secret stopped working (createdAt: the moment it did).", {
    ...key,
    reason: z
      .enum(RETIREMENT_REASONS)
      .describe(
        "idle: unused for a while after the new secret was used; deadline: its grace period ended; rolled_again: the key was rolled again; exposed: it was reported as leaked.",
      ),
  }),
  event("api_key.revoked", "A key was revoked.", {
    ...key,
    bulk: z.literal(true).optional().describe("true when every key of the workspace was revoked at once (revoke all)."),
    reason: z.literal("unused").optional().describe("unused: revoked by the key policy after going unused (actor: Unused key policy)."),
  }),
  event("api_key.exposed", "One of a key's secrets was reported as leaked.", {
    ...key,
    source: z.string().describe("Who reported it, e.g. GitHub secret scanning."),
    url: z.string().nullable().describe("Where it was found, when the report says."),
    foundIn: z.string().optional().describe("What the report says it was found in (GitHub's source)."),
    outcome: z.enum(EXPOSURE_OUTCOMES).describe("What the report did: revoked the key, or retired its previous secret."),
  }),
  event("workspace.api_key_policy_updated", "The workspace's key policy changed.", {
    from: apiKeyPolicySchema.describe("The policy before."),
    to: apiKeyPolicySchema.describe("The policy after."),
  }),
  event("webhook_endpoint.created", "A webhook endpoint was added.", {
    ...endpoint,
    events: z.array(z.string()).nullable().describe("The event types it receives; null: every type."),
    enabled: z.boolean(),
  }),
  event("webhook_endpoint.updated", "A webhook endpoint's URL, description, event types or state changed.", {
    ...endpoint,
    changes: z
      .partialRecord(z.enum(ENDPOINT_CHANGE_FIELDS), z.object({ from: z.unknown(), to: z.unknown() }))
      .describe("Each field that changed, from and to: url, description, events (null: every type), enabled."),
  }),
  event("webhook_endpoint.deleted", "A webhook endpoint was deleted.", endpoint),
  event("webhook_endpoint.secret_rotated", "A webhook endpoint got a new signing secret; the previous one also signs for 24 hours.", {
    ...endpoint,
    secretHint: z.string().describe("The new secret's hint, e.g. whsec_…a1b2 (never the secret)."),
    previousSecretExpiresAt: z.iso.datetime().describe("Until when the previous secret also signs."),
  }),
  event("task.created", "A task was created.", {}),
  event("task.updated", "A task was changed.", {
    changed: z.array(z.string()).describe("The fields that were changed."),
  }),
]);

/** An event's action and metadata, as written. */
export type AuditEventBody = z.infer<typeof auditEventBody>;
export type AuditAction = AuditEventBody["action"];
