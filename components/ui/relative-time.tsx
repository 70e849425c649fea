"use client";
// "3 minutes ago", from the page's clock (components/ui/now.tsx), so the server and the
// browser print the same text. `exact` also shows the exact time, in UTC, which reads the same
// everywhere; the tooltip gives the person's local time once the page runs in the browser.
import { useNow } from "./now";

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

// A fixed locale: the server's and the browser's default locales may differ.
const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatRelative(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 60) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
  }
  return "just now";
}

/** "25 Nov 2026, 14:03 UTC": the same on every machine. */
export function formatExactUtc(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

export function RelativeTime({ iso, exact = false }: { iso: string; exact?: boolean }) {
  const { now, mounted } = useNow();
  const date = new Date(iso);
  const utc = formatExactUtc(date);
  const title = mounted ? date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "long" }) : utc;
  return (
    <time dateTime={iso} title={title}>
      {formatRelative(date, now)}
      {exact && <span className="text-zinc-600 dark:text-zinc-400"> ({utc})</span>}
    </time>
  );
}
