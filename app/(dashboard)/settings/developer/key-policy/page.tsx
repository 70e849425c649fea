// Settings > Developer > Key policy: the workspace's rules for its keys (owners change them; admins
// and members read them, with the reason) and the Danger zone's "Revoke all keys" (owners).
import { getApiKeyPolicy } from "@/lib/api-keys/policy";
import { requireUser } from "@/lib/auth/session";
import { PERMISSIONS, roleMay } from "@/lib/permissions";
import { loadPage } from "@/lib/ui/server/page-load";
import { PolicyForm } from "@/components/key-policy/policy-form";
import { RevokeAllKeys } from "@/components/key-policy/revoke-all";
import { NoWorkspace } from "@/components/no-workspace";
import { ServiceUnavailable } from "@/components/service-unavailable";

export const metadata = { title: "Key policy" };

const PATH = "/settings/developer/key-policy";

export default async function KeyPolicyPage() {
  const loaded = await loadPage(async () => {
    const actor = await requireUser(PATH);
    return { actor, policy: actor.workspace ? await getApiKeyPolicy(actor) : null };
  });
  if (!loaded.ok) return <ServiceUnavailable message={loaded.message} retryHref={PATH} />;
  const { actor, policy } = loaded.data;
  if (!actor.workspace || !policy) return <NoWorkspace email={actor.email} />;
  const role = actor.workspace.role;
  const workspace = { id: actor.workspace.id, name: actor.workspace.name, slug: actor.workspace.slug };
  return (
    <div key={workspace.id} className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Key policy</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Rules every API key of {workspace.name} must follow. They apply when a key is created or changed; existing keys are never changed
          by a policy, and those outside it are marked in the list.
        </p>
      </div>
      <PolicyForm
        workspaceId={workspace.id}
        initial={policy}
        canChange={roleMay(role, "apiKeyPolicy.update")}
        reason={PERMISSIONS["apiKeyPolicy.update"].deniedReason}
      />
      <RevokeAllKeys
        workspace={workspace}
        allowed={roleMay(role, "apiKeys.revokeAll")}
        reason={PERMISSIONS["apiKeys.revokeAll"].deniedReason}
      />
    </div>
  );
}
