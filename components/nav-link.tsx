"use client";
// A navigation link that marks itself as the current page (aria-current) when the address is its
// page or one below it (a key's page is under API Keys).
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`block rounded-md px-2.5 py-1.5 sm:px-3 md:mt-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${
        current ? "bg-zinc-100 font-medium dark:bg-zinc-800" : "text-zinc-700 hover:bg-zinc-50 dark:text-zinc-300 dark:hover:bg-zinc-900"
      }`}
    >
      {children}
    </Link>
  );
}
