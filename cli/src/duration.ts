// Durations on the command line ("30d", "24h", "90m", "3600s", "2w"; a bare number is seconds)
// and how they read back ("24 hours").
import { CliError, EXIT } from "./exit-codes.js";

const UNIT_SECONDS = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 } as const;

/** Whole seconds of a duration flag; anything else is bad input (exit 2) naming the flag. */
export function parseDuration(value: string, flag: string): number {
  const match = /^(\d{1,9})\s*([smhdw]?)$/i.exec(value.trim());
  if (!match) throw new CliError(`--${flag} must be a duration such as 30d, 24h, 90m or 3600s; got "${value}".`, EXIT.badInput);
  const unit = (match[2]?.toLowerCase() || "s") as keyof typeof UNIT_SECONDS;
  return Number(match[1]) * UNIT_SECONDS[unit];
}

/** "24 hours", "7 days", "90 minutes", "0 seconds": the largest unit that divides it evenly. */
export function describeSeconds(seconds: number): string {
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
    [1, "second"],
  ];
  const [size, unit] = units.find(([size]) => seconds % size === 0 && seconds >= size) ?? [1, "second"];
  const count = seconds / size;
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
