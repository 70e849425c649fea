// A new key's expiry as the Add key dialog offers it: never, a number of days from now, or the end
// of a chosen day (local time). The bounds are the server's (lib/api-keys/schemas.ts): at least one
// hour and at most EXPIRY_MAX_DAYS days ahead; the server checks again.
// Messages write days the way the date input shows them (the reader's locale: 12/31/2026 in en-US).
import { EXPIRY_MAX_DAYS, EXPIRY_MIN_SECONDS } from "@/lib/api-keys/schemas";
import { formatDateField } from "@/lib/ui/time";

export const EXPIRY_CHOICES = [
  { value: "never", label: "No expiration" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "60", label: "60 days" },
  { value: "90", label: "90 days" },
  { value: "custom", label: "A date…" },
] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]["value"];

/** Keys that expire within this many days are marked in the list. */
export const EXPIRES_SOON_DAYS = 7;

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");
/** A date input's value ("2026-12-01") for a moment, in local time. */
const dateInputValue = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The end of a chosen day (23:59:59 local time), or null when the text is not a date. */
function endOfDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  return date.getDate() === Number(match[3]) ? date : null;
}

/** The first and last days the date input offers (the last whose end is within the bound). */
export function dateBounds(now: number): { min: string; max: string } {
  const earliest = new Date(now + EXPIRY_MIN_SECONDS * 1000);
  const latest = new Date(now + EXPIRY_MAX_DAYS * DAY_MS);
  const lastDay = endOfDay(dateInputValue(latest))! > latest ? new Date(latest.getTime() - DAY_MS) : latest;
  return { min: dateInputValue(earliest), max: dateInputValue(lastDay) };
}

/** The expiry to send (RFC 3339, or null for never), or the message to show on the field. */
export function resolveExpiry(
  choice: ExpiryChoice,
  date: string,
  now: number,
  locale?: string,
): { expiresAt: string | null } | { error: string } {
  if (choice === "never") return { expiresAt: null };
  if (choice !== "custom") return { expiresAt: new Date(now + Number(choice) * DAY_MS).toISOString() };
  const { min, max } = dateBounds(now);
  const shown = (day: string) => formatDateField(day, locale);
  if (!date) return { error: `Choose the day the key expires, from ${shown(min)} to ${shown(max)}.` };
  const end = endOfDay(date);
  if (!end) return { error: `Enter a date such as ${shown(max)}.` };
  if (end.getTime() < now + EXPIRY_MIN_SECONDS * 1000 || date < min)
    return { error: `Choose a day from ${shown(min)} on: a key must work for at least one hour.` };
  if (end.getTime() > now + EXPIRY_MAX_DAYS * DAY_MS || date > max)
    return { error: `Choose a day up to ${shown(max)}: a key can expire at most ${EXPIRY_MAX_DAYS} days from now.` };
  return { expiresAt: end.toISOString() };
}
