import Link from "next/link";
import { linkClass } from "@/components/ui/link-styles";

export const metadata = { title: "Page not found" };

export default function PageNotFound() {
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        Nothing lives at this address. The link may be mistyped or out of date; the pages of this workspace are in the navigation.
      </p>
      <Link href="/settings/developer/api-keys" className={`mt-4 inline-block ${linkClass}`}>
        Go to API Keys
      </Link>
    </section>
  );
}
