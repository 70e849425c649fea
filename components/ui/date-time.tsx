"use client";
// A moment shown both ways, side by side: "in 3 days" and the exact local time ("Dec 1, 2026,
// 10:00:00 UTC+1"). The server renders the UTC time; the browser replaces it once mounted, so
// the page hydrates without a mismatch.
import { useEffect, useState } from "react";
import { formatRelative } from "./relative-time";

export function formatExact(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "long" });
}

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** The browser's clock once mounted (null during the server render), refreshed every 30 s. */
export function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function DateTime({ iso, className = "" }: { iso: string; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} className={className}>
      {now === null ? (
        utc(iso)
      ) : (
        <>
          <span className="font-medium">{formatRelative(new Date(iso), now)}</span>
          <span className="text-zinc-600 dark:text-zinc-400"> · {formatExact(iso)}</span>
        </>
      )}
    </time>
  );
}
