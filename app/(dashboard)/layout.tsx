import type { ReactNode } from "react";
import { currentActor } from "@/lib/auth/session";
import { loadPage } from "@/lib/ui/page-load";
import { AppShell } from "@/components/app-shell";
import { ServiceUnavailable } from "@/components/service-unavailable";
import { signOutAction } from "./actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const loaded = await loadPage(() => currentActor());
  if (!loaded.ok) {
    return (
      <main className="mx-auto max-w-6xl px-6 py-8">
        {/* An empty href reloads the page the person is on. */}
        <ServiceUnavailable message={loaded.message} retryHref="" />
      </main>
    );
  }
  const actor = loaded.data;
  // Signed-out visitors: the page itself redirects to sign-in with the way back.
  if (actor.kind !== "user") return children;
  return (
    <AppShell
      user={{ name: actor.name, email: actor.email }}
      workspaceName={actor.workspace?.name ?? null}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
