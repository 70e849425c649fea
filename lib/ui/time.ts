// How the dashboard writes times, in one place (components/ui/time.tsx renders them):
// - relative: "in 3 days", "24 hours ago", rounded to the nearest unit, as the list's badges
//   count, so a key created for 3 days says "in 3 days" and a 24-hour grace "in 24 hours";
// - exact: in the reader's time zone with the zone named ("Dec 7, 2026, 9:25 AM EST"), and the
//   same moment in UTC for the tooltip, the CSV and the server's first render.
// English (en-US) on purpose: the server and the browser must print the same words, and the
// product's text is English. Plain Intl: no date library is needed for this.

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;
const MONTH = 30.44 * DAY;
const YEAR = 365.25 * DAY;

const relative = new Intl.RelativeTimeFormat("en-US", { numeric: "always" });

/**
 * "just now", "in 5 minutes", "in 24 hours", "3 days ago", "in 3 months": the nearest whole
 * unit. Hours up to 24 (a day's grace reads in hours), days up to 44, then months and years.
 */
export function formatRelative(date: Date | string, now: number): string {
  const seconds = (new Date(date).getTime() - now) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  const nearest = (size: number) => Math.round(seconds / size) || Math.sign(seconds);
  const minutes = nearest(MINUTE);
  if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
  const hours = nearest(HOUR);
  if (Math.abs(hours) <= 24) return relative.format(hours, "hour");
  const days = nearest(DAY);
  if (Math.abs(days) < 45) return relative.format(days, "day");
  const months = nearest(MONTH);
  if (Math.abs(months) < 12) return relative.format(months, "month");
  return relative.format(nearest(YEAR), "year");
}

const exactFormats = new Map<string, Intl.DateTimeFormat>();
function exactFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let format = exactFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
      timeZone,
    });
    exactFormats.set(key, format);
  }
  return format;
}

/** "Dec 7, 2026, 9:25 AM EST": in `timeZone` (default: this machine's, i.e. the reader's in a browser), the zone named. */
export const formatExact = (date: Date | string, timeZone?: string): string => exactFormat(timeZone).format(new Date(date));

/** "Dec 7, 2026, 2:25 PM UTC": the same on every machine. */
export const formatUtc = (date: Date | string): string => formatExact(date, "UTC");

/** The short name of the reader's time zone ("EST", "GMT+1"), or of `timeZone`. */
export function timeZoneName(at: Date | string = new Date(), timeZone?: string): string {
  return (
    exactFormat(timeZone)
      .formatToParts(new Date(at))
      .find((part) => part.type === "timeZoneName")?.value ?? "UTC"
  );
}

/** An hour's bucket in the reader's time zone: "9 AM" (axis) or "Dec 7, 9:00 AM EST" (table, tooltip). */
export function formatHour(iso: string, style: "short" | "long", timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions =
    style === "short"
      ? { hour: "numeric", timeZone }
      : { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone };
  return new Intl.DateTimeFormat("en-US", options).format(new Date(iso));
}

/** A UTC day's bucket: "Dec 7" (axis) or "Mon, Dec 7" (table, tooltip). Days are counted in UTC by the API. */
export function formatUtcDay(iso: string, style: "short" | "long"): string {
  const options: Intl.DateTimeFormatOptions =
    style === "short"
      ? { month: "short", day: "numeric", timeZone: "UTC" }
      : { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat("en-US", options).format(new Date(iso));
}

/**
 * A calendar day ("2026-12-31", as a date input's value) the way a date input shows it to this
 * reader: their locale's numeric date ("12/31/2026" in en-US, "31/12/2026" in en-GB).
 */
export function formatDateField(value: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }).format(day);
}
