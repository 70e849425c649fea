// The product's header and a main column, for pages shown without the dashboard's shell (an
// error above the dashboard's layout): the name links home, the way on is always there.
import Link from "next/link";
import type { ReactNode } from "react";

export function ProductFrame({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3 sm:px-6">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            One
          </Link>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 md:py-8">{children}</main>
    </div>
  );
}
