import { requireUser } from "@/lib/auth/session";
import { NoWorkspace } from "@/components/no-workspace";

export const metadata = { title: "API Keys" };

export default async function ApiKeysPage() {
  const actor = await requireUser("/settings/developer/api-keys");
  if (!actor.workspace) return <NoWorkspace email={actor.email} />;
  return (
    <section>
      <h1 className="text-2xl font-semibold">API Keys</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        API keys let trusted backend services, CI jobs and internal automation call the REST API for {actor.workspace.name}.
      </p>
      <p className="mt-8 rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-500 dark:border-zinc-700">
        No API keys yet.
      </p>
    </section>
  );
}
