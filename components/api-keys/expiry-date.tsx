"use client";
// The day a key expires (at the end of that day, local time), within the server's bounds and the
// workspace policy's maximum: the date field of the Add key dialog and of the expiry editor.
import { useState } from "react";
import { formatDateField, timeZoneName } from "@/lib/ui/time";
import { dateBounds } from "./expiry";

/** The look of the expiry fields (this date input and the editor's choice). */
export const expiryFieldClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950 dark:[color-scheme:dark]";

export function ExpiryDate({
  ids,
  value,
  invalid,
  maxDays,
  onChange,
}: {
  ids: { input: string; help: string; error: string };
  value: string;
  invalid: boolean;
  /** The workspace policy's maximum lifetime in days, or null. */
  maxDays: number | null;
  onChange: (value: string) => void;
}) {
  const [bounds] = useState(() => dateBounds(Date.now(), maxDays));
  return (
    <div className="space-y-1">
      <label htmlFor={ids.input} className="block text-sm font-medium">
        Expires on
      </label>
      <input
        id={ids.input}
        type="date"
        name="expiresOn"
        value={value}
        min={bounds.min}
        max={bounds.max}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={`${ids.help}${invalid ? ` ${ids.error}` : ""}`}
        className={expiryFieldClass}
      />
      <p id={ids.help} className="text-xs text-zinc-600 dark:text-zinc-400">
        The key stops working at the end of that day in your time zone ({timeZoneName()}): choose a day from {formatDateField(bounds.min)}{" "}
        to {formatDateField(bounds.max)}.
      </p>
    </div>
  );
}
