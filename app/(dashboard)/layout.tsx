import type { ReactNode } from "react";
import { currentActor } from "@/lib/auth/session";
import { AppShell } from "@/components/app-shell";
import { signOutAction } from "./actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
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
