import Link from "next/link";
import { linkClass } from "@/components/ui/link-styles";

/** What a member sees instead of the webhooks page: the reason, from the permission table. */
export function WebhooksRefusal({ reason }: { reason: string }) {
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">Webhooks</h1>
      <div className="mt-4 rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
        <p className="font-medium">You cannot see this workspace&apos;s webhooks</p>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{reason} Ask one of them where key events are sent.</p>
      </div>
      <p className="mt-4 text-sm text-zinc-700 dark:text-zinc-300">
        The keys themselves are under{" "}
        <Link href="/settings/developer/api-keys" className={linkClass}>
          API Keys
        </Link>
        .
      </p>
    </section>
  );
}
