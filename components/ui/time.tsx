"use client";
// Times on every page, written one way (lib/ui/time.ts): relative ("in 3 days") and exact in the
// reader's time zone with the zone named ("Dec 10, 2026, 9:25 AM EST"), the UTC time in the
// tooltip. The server does not know the reader's zone: it prints UTC, and the browser switches
// to the reader's zone once mounted (the first render matches the server's, no hydration
// mismatch). The clock is the page's (components/ui/now.tsx).
import { formatExact, formatRelative, formatUtc } from "@/lib/ui/time";
import { useNow } from "./now";

const muted = "text-zinc-600 dark:text-zinc-400";

/** Formats an ISO time exactly: UTC until mounted, then in the reader's time zone. */
export function useExactTime(): (iso: string) => string {
  const { mounted } = useNow();
  return mounted ? (iso) => formatExact(iso) : formatUtc;
}

/** "in 3 days"; the tooltip gives the exact time, in the reader's time zone and in UTC. */
export function RelativeTime({ iso }: { iso: string }) {
  const { now, mounted } = useNow();
  const utc = formatUtc(iso);
  return (
    <time dateTime={iso} title={mounted ? `${formatExact(iso)} (${utc})` : utc}>
      {now === null ? utc : formatRelative(iso, now)}
    </time>
  );
}

/**
 * "in 3 days · Dec 10, 2026, 9:25 AM EST" (`stacked`: the exact time on a line of its own, for
 * narrow columns); the tooltip gives the UTC time.
 */
export function DateTime({ iso, className = "", stacked = false }: { iso: string; className?: string; stacked?: boolean }) {
  const { now } = useNow();
  const exact = useExactTime()(iso);
  const utc = formatUtc(iso);
  return (
    <time dateTime={iso} title={utc} className={className}>
      {now !== null && <span className={stacked ? "" : "font-medium"}>{formatRelative(iso, now)}</span>}
      {now !== null && !stacked && <span className={muted}> · </span>}
      <span className={stacked ? `block text-xs ${muted}` : now === null ? "" : muted}>{exact}</span>
    </time>
  );
}
