import { listApiKeys } from "@/lib/api-keys/list";
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
    if (!actor.workspace) return { actor, initial: null, exposures: [] };
    // Keys found in public (lib/leaks): the alert above the list.
    const [initial, exposures] = await Promise.all([listApiKeys(actor), recentExposures(actor)]);
    return { actor, initial, exposures };
  });
  if (!loaded.ok) return <ServiceUnavailable message={loaded.message} retryHref={PATH} />;
  const { actor, initial, exposures } = loaded.data;
  if (!actor.workspace || !initial) return <NoWorkspace email={actor.email} />;
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
        rollIdleSeconds={rollIdleSeconds()}
        apiOrigin={process.env.AUTH_URL ?? "http://localhost:3000"}
      />
    </>
  );
}
