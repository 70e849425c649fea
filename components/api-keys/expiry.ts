// A key's expiry as the Add key dialog and the expiry editor offer it: never, a number of days from
// now, or the end of a chosen day (local time). The bounds are the server's (lib/api-keys/schemas.ts):
// at least one hour and at most EXPIRY_MAX_DAYS days ahead, and, under a workspace key policy with a
// maximum lifetime, at most that many days and never "never"; the server checks again.
// Messages write days the way the date input shows them (the reader's locale: 12/31/2026 in en-US).
import { EXPIRY_MAX_DAYS, EXPIRY_MIN_SECONDS } from "@/lib/api-keys/schemas";
import { formatDateField } from "@/lib/ui/time";

export type ExpiryChoice = "never" | "custom" | `${number}`;
export type ExpiryOption = { value: ExpiryChoice; label: string };

const PRESET_DAYS = [7, 30, 60, 90];
const daysLabel = (days: number) => `${days} ${days === 1 ? "day" : "days"}`;

/**
 * The choices offered: with a policy maximum (`maxDays`), no "never", no preset past it, and the
 * maximum itself (the default) when it is not a preset.
 */
export function expiryChoices(maxDays: number | null): ExpiryOption[] {
  const days = maxDays === null ? PRESET_DAYS : [...new Set([...PRESET_DAYS.filter((d) => d < maxDays), maxDays])];
  return [
    ...(maxDays === null ? [{ value: "never" as const, label: "No expiration" }] : []),
    ...days.map((d) => ({ value: `${d}` as const, label: daysLabel(d) })),
    { value: "custom", label: "A date…" },
  ];
}

/** The choice a dialog starts at: never, or the policy's maximum. */
export const defaultExpiry = (maxDays: number | null): ExpiryChoice => (maxDays === null ? "never" : `${maxDays}`);

/** "30 days" for a number of days' choice. */
export const choiceLabel = (choice: ExpiryChoice) => (choice === "never" || choice === "custom" ? "" : daysLabel(Number(choice)));

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

/** The most days ahead a key may expire: the server's bound, or the policy's maximum when lower. */
const maxDaysOf = (policyMaxDays: number | null) => Math.min(EXPIRY_MAX_DAYS, policyMaxDays ?? EXPIRY_MAX_DAYS);

/** The first and last days the date input offers (the last whose end is within the bound). */
export function dateBounds(now: number, policyMaxDays: number | null = null): { min: string; max: string } {
  const earliest = new Date(now + EXPIRY_MIN_SECONDS * 1000);
  const latest = new Date(now + maxDaysOf(policyMaxDays) * DAY_MS);
  const lastDay = endOfDay(dateInputValue(latest))! > latest ? new Date(latest.getTime() - DAY_MS) : latest;
  return { min: dateInputValue(earliest), max: dateInputValue(lastDay) };
}

/** The expiry to send (RFC 3339, or null for never), or the message to show on the field. */
export function resolveExpiry(
  choice: ExpiryChoice,
  date: string,
  now: number,
  locale?: string,
  policyMaxDays: number | null = null,
): { expiresAt: string | null } | { error: string } {
  if (choice === "never") return { expiresAt: null };
  if (choice !== "custom") return { expiresAt: new Date(now + Number(choice) * DAY_MS).toISOString() };
  const { min, max } = dateBounds(now, policyMaxDays);
  const shown = (day: string) => formatDateField(day, locale);
  if (!date) return { error: `Choose the day the key expires, from ${shown(min)} to ${shown(max)}.` };
  const end = endOfDay(date);
  if (!end) return { error: `Enter a date such as ${shown(max)}.` };
  if (end.getTime() < now + EXPIRY_MIN_SECONDS * 1000 || date < min)
    return { error: `Choose a day from ${shown(min)} on: a key must work for at least one hour.` };
  if (end.getTime() > now + maxDaysOf(policyMaxDays) * DAY_MS || date > max)
    return {
      error:
        policyMaxDays !== null && policyMaxDays < EXPIRY_MAX_DAYS
          ? `Choose a day up to ${shown(max)}: this workspace's key policy allows keys to live at most ${policyMaxDays} days.`
          : `Choose a day up to ${shown(max)}: a key can expire at most ${EXPIRY_MAX_DAYS} days from now.`,
    };
  return { expiresAt: end.toISOString() };
}
