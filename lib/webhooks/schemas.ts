// Input and output shapes of the webhook operations: validated here once, and the same schemas
// describe the REST API (lib/http/operations.ts). What an address may be is checked after parsing,
// against DNS (url-guard.ts).
import "@/lib/zod-config"; // first: before any schema is built
import { z } from "zod";
import { pageCursor, pageLimit } from "@/lib/paging";
import { displayText } from "@/lib/text";

export const MAX_ENDPOINTS = 10;
const URL_MAX = 2048;

/** Every event type an endpoint can receive (docs/webhooks.md). */
export const WEBHOOK_EVENT_TYPES = [
  "api_key.created",
  "api_key.updated",
  "api_key.rolled",
  "api_key.previous_secret_retired",
  "api_key.revoked",
  "api_key.exposed",
  "api_key.expiring",
  "api_key.expired",
  "api_key.new_address",
  "api_key.request_blocked",
  "webhook.test",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const DISABLED_REASONS = ["failing", "manual"] as const;
const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const urlSchema = z
  .string({ error: "Enter the URL to send events to, e.g. https://example.com/webhooks." })
  .trim()
  .max(URL_MAX, `The URL can be at most ${URL_MAX} characters.`)
  .refine((value) => URL.canParse(value), { error: "Enter a full URL, e.g. https://example.com/webhooks.", abort: true })
  .refine((value) => ["https:", "http:"].includes(new URL(value).protocol), {
    error: "The URL must start with https://.",
    abort: true,
  })
  .refine((value) => !new URL(value).username && !new URL(value).password, "The URL cannot contain a user name or password.")
  .refine((value) => !new URL(value).hash, "The URL cannot contain a #fragment: it is never sent.")
  .describe(
    "Where events are POSTed: https:// only, and a host whose addresses are public (unless the operator allows them in WEBHOOK_ALLOWED_NETWORKS, where http:// is allowed too).",
  );

const DESCRIPTION_MAX = 100;
const descriptionText = displayText("description", DESCRIPTION_MAX);
/** Optional text: empty (after trimming) is no description; anything else follows the rule of key descriptions (lib/text.ts). */
const descriptionSchema = z
  .string({ error: "The description must be text." })
  .meta({ maxLength: DESCRIPTION_MAX })
  .transform((value, context) => {
    if (value.trim() === "") return "";
    const parsed = descriptionText.safeParse(value);
    if (parsed.success) return parsed.data;
    context.addIssue({ code: "custom", message: parsed.error.issues[0]!.message });
    return z.NEVER;
  });

const eventsSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `Each event type must be one of ${WEBHOOK_EVENT_TYPES.join(", ")}.` }), {
    error: "events must be a list of event types, or null for every type.",
  })
  .min(1, "Choose at least one event type, or null for every type.")
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, "List each event type once.")
  .nullable();

export const createEndpointInput = z.object({
  url: urlSchema,
  description: descriptionSchema.optional().describe(`What the endpoint is for (up to ${DESCRIPTION_MAX} characters).`),
  events: eventsSchema.optional().describe("The event types it receives; null or omitted: every type."),
  enabled: z.boolean({ error: "enabled must be true or false." }).optional().describe("Whether events are sent to it (default true)."),
});

export const updateEndpointInput = z
  .object({
    url: urlSchema.optional(),
    description: descriptionSchema.optional().describe("A new description; an empty string clears it."),
    events: eventsSchema.optional().describe("The event types it receives; null: every type."),
    enabled: z
      .boolean({ error: "enabled must be true or false." })
      .optional()
      .describe('true enables it (and clears disabledReason and the failure count); false disables it ("manual").'),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: "Send at least one of url, description, events or enabled.",
    path: [],
  });

export const endpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).nullable().describe("The event types it receives; null: every type."),
  enabled: z.boolean(),
  disabledReason: z
    .enum(DISABLED_REASONS)
    .nullable()
    .describe("Why it is disabled: failing (5 deliveries in a row failed) or manual; null while enabled."),
  createdAt: z.iso.datetime(),
  secretHint: z.string().describe("The prefix and last four characters of the signing secret, e.g. whsec_…a1b2."),
});
export type EndpointDto = z.infer<typeof endpointSchema>;

export const endpointWithSecret = endpointSchema.extend({
  secret: z
    .string()
    .describe("The signing secret (whsec_ + base64). Returned once, by this response only; the receiver verifies signatures with it."),
});

export const deliverySchema = z.object({
  id: z.string(),
  eventId: z.string().describe("The webhook-id header: the same on every attempt."),
  eventType: z.enum(WEBHOOK_EVENT_TYPES),
  status: z
    .enum(DELIVERY_STATUSES)
    .describe("pending: an attempt is due at nextAttemptAt; delivered: a 2xx within 10 s; failed: retries used up."),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable().describe("The HTTP status of the latest attempt; null when none answered."),
  durationMs: z.number().int().nullable().describe("How long the latest attempt took."),
  lastError: z.string().nullable().describe("Why the latest attempt failed; null when it did not."),
  nextAttemptAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type DeliveryDto = z.infer<typeof deliverySchema>;

export const deliveriesQuery = z.object({
  limit: pageLimit("Deliveries"),
  cursor: pageCursor(),
});

export const deliveriesPage = z.object({
  data: z.array(deliverySchema),
  nextCursor: z.string().nullable().describe("Pass as cursor for the next (older) page; null on the last page."),
});

export const deliveryRef = z.object({ deliveryId: z.string() });
