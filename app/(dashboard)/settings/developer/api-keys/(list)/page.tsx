import { listApiKeys } from "@/lib/api-keys/list";
import { getApiKeyPolicy } from "@/lib/api-keys/policy";
import { requireUser } from "@/lib/auth/session";
import { recentExposures } from "@/lib/leaks/recent";
import { PERMISSIONS, roleMay } from "@/lib/permissions";
import { loadPage } from "@/lib/ui/server/page-load";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { NoWorkspace } from "@/components/no-workspace";
import { ServiceUnavailable } from "@/components/service-unavailable";
import { rollIdleSeconds } from "@/lib/api-keys/config";

export const metadata = { title: "API Keys" };

const PATH = "/settings/developer/api-keys";

export default async function ApiKeysPage() {
  const loaded = await loadPage(async () => {
    const actor = await requireUser(PATH);
    if (!actor.workspace) return { actor, initial: null, exposures: [], policy: null };
    // Keys found in public (lib/leaks): the alert above the list. The key policy: what Add key offers.
    const [initial, exposures, policy] = await Promise.all([listApiKeys(actor), recentExposures(actor), getApiKeyPolicy(actor)]);
    return { actor, initial, exposures, policy };
  });
  if (!loaded.ok) return <ServiceUnavailable message={loaded.message} retryHref={PATH} />;
  const { actor, initial, exposures, policy } = loaded.data;
  if (!actor.workspace || !initial || !policy) return <NoWorkspace email={actor.email} />;
  const renderedAt = new Date().getTime();
  const allowance = (permission: "apiKeys.create" | "apiKeys.revoke" | "apiKeys.update" | "apiKeys.roll") => ({
    allowed: roleMay(actor.workspace?.role, permission),
    reason: PERMISSIONS[permission].deniedReason,
  });
  return (
    <>
      {/* Keyed by workspace: after a switch, nothing of the previous workspace's panel is kept. */}
      <ApiKeysPanel
        key={actor.workspace.id}
        workspace={{ id: actor.workspace.id, name: actor.workspace.name }}
        initial={initial}
        renderedAt={renderedAt}
        permissions={{
          create: allowance("apiKeys.create"),
          revoke: allowance("apiKeys.revoke"),
          rename: allowance("apiKeys.update"),
          roll: allowance("apiKeys.roll"),
        }}
        exposures={exposures}
        policy={policy}
        rollIdleSeconds={rollIdleSeconds()}
        apiOrigin={process.env.AUTH_URL ?? "http://localhost:3000"}
      />
    </>
  );
}
