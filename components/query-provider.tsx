"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
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

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeClient);
  return (
    <QueryClientProvider client={client}>
      {children}
      <Toaster position="bottom-right" richColors closeButton theme="system" />
    </QueryClientProvider>
  );
}
