import Link from "next/link";
import { linkClass } from "@/components/ui/link-styles";

export default function KeyNotFound() {
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">No such key</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        This workspace has no API key with this id. The link may be mistyped, or the key may belong to another workspace: switch to that
        workspace first.
      </p>
      <Link href="/settings/developer/api-keys" className={`mt-4 inline-block ${linkClass}`}>
        Back to API Keys
      </Link>
    </section>
  );
}
