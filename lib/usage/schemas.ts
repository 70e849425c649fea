import { z } from "zod";

const USAGE_RANGES = ["24h", "7d", "30d"] as const;

export const usageQuery = z.object({
  range: z
    .enum(USAGE_RANGES, { error: "range must be 24h, 7d or 30d." })
    .default("24h")
    .describe("24h: hourly buckets; 7d and 30d: daily (UTC)."),
});

const counts = { ok: z.number().int(), rateLimited: z.number().int(), denied: z.number().int() };

export const usageSchema = z.object({
  range: z.enum(USAGE_RANGES),
  bucketSeconds: z.number().int(),
  buckets: z
    .array(z.object({ start: z.iso.datetime(), ...counts }))
    .describe("Oldest first, empty buckets included; the last one is the current (partial) hour or day."),
  totals: z.object(counts),
});
export type UsageDto = z.infer<typeof usageSchema>;
