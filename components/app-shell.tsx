import Link from "next/link";
import type { ReactNode } from "react";
import type { WorkspaceItem } from "@/lib/workspaces/schemas";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { WorkspaceSwitcher } from "./workspace-switcher";

type Props = {
  user: { name: string; email: string };
  workspaceName: string | null;
  /** The person's workspaces for the switcher, the selected one marked `current`. */
  workspaces: WorkspaceItem[];
  /** Whether to show the settings navigation: by default when there is a workspace (and while the database is down). */
  navigation?: boolean;
  children: ReactNode;
};

// Settings > Developer: its pages.
const NAV = [
  { label: "API Keys", href: "/settings/developer/api-keys" },
  { label: "Key policy", href: "/settings/developer/key-policy" },
  { label: "Webhooks", href: "/settings/developer/webhooks" },
  { label: "Audit log", href: "/settings/developer/audit-log" },
];

// From `md` up, the settings navigation is a column beside the page; below it, it collapses
// into one line above the page ("Settings / Developer / API Keys  Key policy  Audit log"; on a
// phone just the three links), so the page gets the whole width of a phone.
export function AppShell({ user, workspaceName, workspaces, navigation = workspaceName !== null, children }: Props) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3 sm:gap-4 sm:px-6">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            One
          </Link>
          {workspaceName && workspaces.length > 0 && <WorkspaceSwitcher workspaces={workspaces} />}
          <div className="ml-auto flex min-w-0 items-center gap-3 text-sm">
            <span className="min-w-0 text-right">
              <span className="block truncate font-medium">{user.name}</span>
              <span className="hidden truncate text-zinc-600 sm:block dark:text-zinc-400">{user.email}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-6 sm:px-6 md:flex-row md:gap-8 md:py-8">
        {navigation && (
          <nav aria-label="Settings" className="text-sm md:w-48 md:shrink-0">
            <div className="flex flex-wrap items-center gap-x-1 gap-y-1 sm:gap-x-2 md:block">
              {/* On a phone the pages' links fill the line: the section names are for screen readers there. */}
              <p className="sr-only font-semibold text-zinc-600 uppercase sm:not-sr-only dark:text-zinc-400">Settings</p>
              <span aria-hidden="true" className="hidden text-zinc-500 sm:inline md:hidden">
                /
              </span>
              <p className="sr-only text-zinc-600 sm:not-sr-only md:mt-3 dark:text-zinc-400">Developer</p>
              <span aria-hidden="true" className="hidden text-zinc-500 sm:inline md:hidden">
                /
              </span>
              {NAV.map((item) => (
                <NavLink key={item.href} href={item.href}>
                  {item.label}
                </NavLink>
              ))}
            </div>
          </nav>
        )}
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
