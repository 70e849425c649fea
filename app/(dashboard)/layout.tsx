import type { ReactNode } from "react";
import { currentActor } from "@/lib/auth/session";
import { loadPage } from "@/lib/ui/page-load";
import { listWorkspaces } from "@/lib/workspaces/list";
import { AppShell } from "@/components/app-shell";
import { ServiceUnavailable } from "@/components/service-unavailable";
import { selectWorkspaceAction, signOutAction } from "./actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const loaded = await loadPage(async () => {
    const actor = await currentActor();
    // The switcher's list: only for a signed-in person who is in some workspace.
    const workspaces = actor.kind === "user" && actor.workspace ? (await listWorkspaces(actor)).data : [];
    return { actor, workspaces };
  });
  if (!loaded.ok) {
    return (
      <main className="mx-auto max-w-6xl px-6 py-8">
        {/* An empty href reloads the page the person is on. */}
        <ServiceUnavailable message={loaded.message} retryHref="" />
      </main>
    );
  }
  const { actor, workspaces } = loaded.data;
  // Signed-out visitors: the page itself redirects to sign-in with the way back.
  if (actor.kind !== "user") return children;
  return (
    <AppShell
      user={{ name: actor.name, email: actor.email }}
      workspaceName={actor.workspace?.name ?? null}
      workspaces={workspaces}
      selectWorkspaceAction={selectWorkspaceAction}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
