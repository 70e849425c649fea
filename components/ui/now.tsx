"use client";
// One clock for every relative time on a page. Under a NowProvider it starts at the moment the
// server rendered the page, so the first render in the browser prints exactly what the server
// printed (no hydration mismatch, no flash), then advances with the browser's clock from there,
// keeping the server's time base (a browser clock that is off does not turn "just now" into "in
// 5 minutes"). Without a provider there is no clock until the page runs in the browser (`now` is
// null on the server and in the first render): times are then shown exactly, in UTC.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

type Clock = { now: number | null; mounted: boolean };

const NowContext = createContext<{ now: number; mounted: boolean } | null>(null);

/** A clock from `start` (the server's time base, or null: the browser's), ticking while `enabled`. */
function useTicking(start: number | null, every: number, enabled: boolean): Clock {
  const [state, setState] = useState<Clock>({ now: start, mounted: false });
  useEffect(() => {
    if (!enabled) return;
    const offset = start === null ? 0 : start - Date.now();
    const tick = () => setState({ now: Date.now() + offset, mounted: true });
    tick();
    const timer = setInterval(tick, every);
    return () => clearInterval(timer);
  }, [start, every, enabled]);
  return state;
}

export function NowProvider({ renderedAt, children }: { renderedAt: number; children: ReactNode }) {
  const state = useTicking(renderedAt, 15_000, true);
  return <NowContext.Provider value={{ now: state.now ?? renderedAt, mounted: state.mounted }}>{children}</NowContext.Provider>;
}

/** The page's clock; outside a NowProvider, the browser's once mounted (null before). */
export function useNow(): Clock {
  const context = useContext(NowContext);
  const own = useTicking(null, 30_000, context === null);
  return context ?? own;
}
