"use client";
// A key's usage from the REST API (`GET …/api-keys/{id}/usage`), with the session cookie and the
// workspace id the page was rendered for. The chart and the key page's sparkline share the cache;
// the list's sparklines read every listed key's usage in ONE request (`GET …/api-keys/usage`).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { UsageDto } from "@/lib/usage/schemas";
import { queryKeys } from "@/lib/ui/browser/query-keys";
import { read } from "@/lib/ui/browser/rest";

export type UsageRange = UsageDto["range"];
export type { UsageDto };

export function useKeyUsage(workspaceId: string, keyId: string, range: UsageRange, options: { live?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.usage(workspaceId, keyId, range),
    queryFn: ({ signal }) => read.usage(workspaceId, keyId, range, signal),
    // Counts reach the database within 5 s of a request; a live chart asks every 4 s, so a request
    // shows within 10 s.
    refetchInterval: options.live ? 4_000 : false,
    staleTime: options.live ? 0 : 60_000,
    placeholderData: keepPreviousData,
  });
}

/** One listed key's last 7 days, from the one request the whole list shares; null for a key it has not seen yet. */
export function useListedKeyUsage(workspaceId: string, keyId: string) {
  return useQuery({
    queryKey: queryKeys.workspaceUsage(workspaceId, "7d"),
    queryFn: ({ signal }) => read.workspaceUsage(workspaceId, "7d", signal),
    staleTime: 60_000,
    select: (all) => all.data.find((entry) => entry.keyId === keyId) ?? null,
  });
}

export const RANGE_WORDS: Record<UsageRange, string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days" };

/** The outcomes, in stacking order, with the colours of light and dark (CSS variables set by the chart's wrapper). */
export const OUTCOMES = [
  { key: "ok", label: "OK", color: "var(--usage-ok)", swatch: "bg-blue-600 dark:bg-blue-400" },
  { key: "rateLimited", label: "Rate limited", color: "var(--usage-rate-limited)", swatch: "bg-amber-600 dark:bg-amber-300" },
  { key: "denied", label: "Denied", color: "var(--usage-denied)", swatch: "bg-red-700 dark:bg-red-400" },
  { key: "forbidden", label: "Forbidden", color: "var(--usage-forbidden)", swatch: "bg-violet-700 dark:bg-violet-300" },
  { key: "blockedNetwork", label: "Blocked network", color: "var(--usage-blocked)", swatch: "bg-zinc-700 dark:bg-zinc-300" },
] as const;

/** Sets the colour variables the outcomes use: enough contrast on white and on zinc-950. */
export const USAGE_COLOURS =
  "[--usage-ok:#2563eb] [--usage-rate-limited:#d97706] [--usage-denied:#b91c1c] [--usage-forbidden:#6d28d9] [--usage-blocked:#3f3f46] [--usage-gap:#ffffff] [--usage-axis:#52525b] [--usage-grid:#e4e4e7] " +
  "dark:[--usage-ok:#60a5fa] dark:[--usage-rate-limited:#fcd34d] dark:[--usage-denied:#f87171] dark:[--usage-forbidden:#c4b5fd] dark:[--usage-blocked:#d4d4d8] dark:[--usage-gap:#09090b] dark:[--usage-axis:#a1a1aa] dark:[--usage-grid:#27272a]";

export const sumOf = (counts: { ok: number; rateLimited: number; denied: number; forbidden: number; blockedNetwork: number }) =>
  counts.ok + counts.rateLimited + counts.denied + counts.forbidden + counts.blockedNetwork;
