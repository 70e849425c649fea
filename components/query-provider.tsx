"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { Toaster } from "sonner";

// networkMode "always": when the browser reports being offline, requests still run and fail
// at once, so the page says what happened instead of waiting silently (TanStack Query's
// default pauses them until the browser is back online, leaving "Revoking…" on screen).
function makeClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { refetchOnWindowFocus: true, retry: 1, networkMode: "always" },
      mutations: { networkMode: "always" },
    },
  });
}

// Toasts sit bottom-right on a wide window, beside a dialog. On a narrow one (a phone, a tablet, a
// desktop at 200 % zoom) a dialog fills the width and its buttons are at the bottom, so toasts go
// to the top, where they can cover no button of a dialog.
const WIDE = "(min-width: 1024px)";
const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeClient);
  const wide = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(WIDE).matches,
    () => true,
  );
  return (
    <QueryClientProvider client={client}>
      {children}
      <Toaster position={wide ? "bottom-right" : "top-center"} richColors closeButton theme="system" />
    </QueryClientProvider>
  );
}
