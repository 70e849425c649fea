"use client";
// What the reveal dialog says after a roll: how long the previous secret keeps working.
import { DateTime } from "@/components/ui/time";
import { formatDuration } from "./duration";

export type Rolled = { description: string; secret: string; previousHint: string; graceSeconds: number; previousExpiresAt: string | null };

export function RollNote({ rolled, rollIdleSeconds }: { rolled: Rolled; rollIdleSeconds: number }) {
  if (rolled.graceSeconds === 0 || !rolled.previousExpiresAt) {
    return (
      <p>
        The previous secret <code>{rolled.previousHint}</code> stopped working when you rolled.
      </p>
    );
  }
  return (
    <p>
      The previous secret <code>{rolled.previousHint}</code> keeps working for {formatDuration(rolled.graceSeconds)} at the latest (until{" "}
      <DateTime iso={rolled.previousExpiresAt} />
      ), or until it has been idle for {formatDuration(rollIdleSeconds)} once the new secret is in use.
    </p>
  );
}
