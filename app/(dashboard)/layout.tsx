import type { ReactNode } from "react";
import { cookieUser, currentActor } from "@/lib/auth/session";
import { loadPage } from "@/lib/ui/server/page-load";
import { listWorkspaces } from "@/lib/workspaces/list";
import { AppShell } from "@/components/app-shell";
import { QueryProvider } from "@/components/query-provider";
import { ServiceUnavailable } from "@/components/service-unavailable";

// One TanStack Query client for the dashboard, around the shell: the header's actions (switcher,
// sign-out) and the pages' reads and changes share it, and it lives as long as the layout.

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const loaded = await loadPage(async () => {
    const actor = await currentActor();
    // The switcher's list: only for a signed-in person who is in some workspace.
    const workspaces = actor.kind === "user" && actor.workspace ? (await listWorkspaces(actor)).data : [];
    return { actor, workspaces };
  });
  if (!loaded.ok) {
    // An empty href reloads the page the person is on. A signed-in person keeps the shell (its
    // navigation, their name from the cookie; no workspaces, which live in the database).
    const unavailable = <ServiceUnavailable message={loaded.message} retryHref="" />;
    const user = await cookieUser();
    if (!user) return <main className="mx-auto max-w-6xl px-6 py-8">{unavailable}</main>;
    return (
      <QueryProvider>
        <AppShell user={user} workspaceName={null} workspaces={[]} navigation>
          {unavailable}
        </AppShell>
      </QueryProvider>
    );
  }
  const { actor, workspaces } = loaded.data;
  // Signed-out visitors: the page itself redirects to sign-in with the way back.
  if (actor.kind !== "user") return children;
  return (
    <QueryProvider>
      <AppShell user={{ name: actor.name, email: actor.email }} workspaceName={actor.workspace?.name ?? null} workspaces={workspaces}>
        {children}
      </AppShell>
    </QueryProvider>
  );
}
