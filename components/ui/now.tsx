"use client";
// One clock for every relative time on a page. It starts at the moment the server rendered
// the page, so the first render in the browser prints exactly what the server printed (no
// hydration mismatch, no flash), then advances with the browser's clock from there, keeping
// the server's time base (a browser clock that is off does not turn "just now" into "in 5 minutes").
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

const NowContext = createContext<{ now: number; mounted: boolean } | null>(null);

export function NowProvider({ renderedAt, children }: { renderedAt: number; children: ReactNode }) {
  const [state, setState] = useState({ now: renderedAt, mounted: false });
  useEffect(() => {
    const offset = renderedAt - Date.now();
    const tick = () => setState({ now: Date.now() + offset, mounted: true });
    tick();
    const timer = setInterval(tick, 15_000);
    return () => clearInterval(timer);
  }, [renderedAt]);
  return <NowContext.Provider value={state}>{children}</NowContext.Provider>;
}

/** The page's clock; outside a NowProvider, the browser's (and `mounted` false). */
export function useNow(): { now: number; mounted: boolean } {
  const context = useContext(NowContext);
  const [fallback] = useState(() => ({ now: Date.now(), mounted: false }));
  return context ?? fallback;
}
