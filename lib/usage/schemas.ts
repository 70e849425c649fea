import { z } from "zod";
import { KEY_PERMISSION_IDS } from "@/lib/api-keys/permissions";

const USAGE_RANGES = ["24h", "7d", "30d"] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];

export const usageQuery = z.object({
  range: z
    .enum(USAGE_RANGES, { error: "range must be 24h, 7d or 30d." })
    .default("24h")
    .describe("24h: hourly buckets; 7d and 30d: daily (UTC)."),
});

const counts = {
  ok: z.number().int().describe("Served."),
  rateLimited: z.number().int().describe("Refused with 429: the workspace's limit was reached."),
  denied: z.number().int().describe("Refused with 401: the key was revoked or expired, or a retired previous secret was used."),
  forbidden: z.number().int().describe("Refused with 403: the key lacks the permission the request needs."),
  blockedNetwork: z.number().int().describe("Refused with 403: from outside the key's allowed networks in enforce mode."),
  outsideNetwork: z.number().int().describe("From outside the key's allowed networks in report mode: overlaps the other counts."),
  byPermission: z
    .partialRecord(z.enum(KEY_PERMISSION_IDS), z.number().int())
    .describe('Served requests by the permission they needed, e.g. {"tasks:read": 12}; requests that needed none are not in it.'),
};
export type UsageCounts = {
  ok: number;
  rateLimited: number;
  denied: number;
  forbidden: number;
  blockedNetwork: number;
  outsideNetwork: number;
  byPermission: Record<string, number>;
};

const buckets = z
  .array(z.object({ start: z.iso.datetime(), ...counts }))
  .describe("Oldest first, empty buckets included; the last one is the current (partial) hour or day.");

export const usageSchema = z.object({
  range: z.enum(USAGE_RANGES),
  bucketSeconds: z.number().int(),
  buckets,
  totals: z.object(counts),
});
export type UsageDto = z.infer<typeof usageSchema>;

export const workspaceUsageSchema = z.object({
  range: z.enum(USAGE_RANGES),
  bucketSeconds: z.number().int(),
  data: z
    .array(z.object({ keyId: z.string(), buckets, totals: z.object(counts) }))
    .describe("One entry per key the list shows (not revoked), in the list's order."),
});
export type WorkspaceUsageDto = z.infer<typeof workspaceUsageSchema>;

const permissionList = z.array(z.enum(KEY_PERMISSION_IDS));

export const insightsSchema = z.object({
  windowDays: z.number().int().describe("The window the insights cover: the last 30 days."),
  requests: z.number().int().describe("Served (ok) requests in the window."),
  lastUsedAt: z.iso.datetime().nullable(),
  permissions: z.object({
    granted: permissionList.describe("What the key holds; full access spelled out as every permission at its highest level."),
    used: permissionList.describe("What the window's served requests needed, at the highest level per resource."),
    unused: permissionList.describe("What granted allows beyond used."),
    suggested: permissionList
      .nullable()
      .describe("The narrowest permissions that would have served every request of the window (equal to used); null when none needed one."),
  }),
  networks: z.object({
    addresses: z.number().int().describe("Addresses (IPv4) and IPv6 /64s the key was used from in the window."),
    suggestedAllowedNetworks: z
      .array(z.string())
      .nullable()
      .describe("The window's served requests' addresses as a list (IPv4 /32, IPv6 /64); null when there are none or more than 50."),
    outsideNetwork: z.number().int().describe("Requests of the window from outside the key's list in report mode (usage outsideNetwork)."),
  }),
});
export type InsightsDto = z.infer<typeof insightsSchema>;

const MAX_WINDOW_DAYS = 30;
export const addressesQuery = z.object({
  days: z.coerce
    .number({ error: `days must be a whole number from 1 to ${MAX_WINDOW_DAYS}.` })
    .int(`days must be a whole number from 1 to ${MAX_WINDOW_DAYS}.`)
    .min(1, `days must be a whole number from 1 to ${MAX_WINDOW_DAYS}.`)
    .max(MAX_WINDOW_DAYS, `days must be a whole number from 1 to ${MAX_WINDOW_DAYS}.`)
    .default(MAX_WINDOW_DAYS)
    .describe("The window in whole UTC days, today included (7: the confirmation before enforcing). Default 30."),
});

const keyAddressSchema = z.object({
  address: z.string().describe('An IPv4 address ("203.0.113.7"), or an IPv6 /64 ("2001:db8:1:2::/64").'),
  firstSeenAt: z.iso.datetime().describe("The first request from it within the window."),
  lastSeenAt: z.iso.datetime(),
  requests: z.number().int().describe("Requests from it in the window, refused ones (blocked, rate limited, forbidden) included."),
  lastUserAgent: z.string().nullable(),
  allowed: z
    .boolean()
    .nullable()
    .describe("Whether its latest request's address is inside the key's current allowed networks; null when the key has no list."),
});

export const keyAddressesSchema = z.object({
  data: z.array(keyAddressSchema).max(1000).describe("Latest first; at most 1,000 (the least recently seen go first)."),
});
export type KeyAddressesDto = z.infer<typeof keyAddressesSchema>;
