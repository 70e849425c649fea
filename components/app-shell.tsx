import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "./nav-link";

type Props = {
  user: { name: string; email: string };
  workspaceName: string | null;
  signOutAction: () => Promise<void>;
  children: ReactNode;
};

const NAV = [
  { group: "Settings", section: "Developer", label: "API Keys", href: "/settings/developer/api-keys" },
  { group: "Settings", section: "Developer", label: "Audit log", href: "/settings/developer/audit-log" },
];

export function AppShell({ user, workspaceName, signOutAction, children }: Props) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-6 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            One
          </Link>
          {workspaceName && (
            <span className="rounded-md bg-zinc-100 px-2 py-1 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              <span className="sr-only">Workspace: </span>
              {workspaceName}
            </span>
          )}
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-right">
              <span className="block font-medium">{user.name}</span>
              <span className="block text-zinc-500 dark:text-zinc-400">{user.email}</span>
            </span>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-6xl flex-1 gap-8 px-6 py-8">
        {workspaceName && (
          <nav aria-label="Settings" className="w-48 shrink-0 text-sm">
            {NAV.map((item, index) => (
              <div key={item.href}>
                {item.group !== NAV[index - 1]?.group && (
                  <p className="font-semibold text-zinc-500 uppercase dark:text-zinc-400">{item.group}</p>
                )}
                {item.section !== NAV[index - 1]?.section && <p className="mt-3 text-zinc-500 dark:text-zinc-400">{item.section}</p>}
                <NavLink href={item.href}>{item.label}</NavLink>
              </div>
            ))}
          </nav>
        )}
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
