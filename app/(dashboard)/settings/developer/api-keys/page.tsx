import { listApiKeys } from "@/lib/api-keys/list";
import { requireUser } from "@/lib/auth/session";
import { PERMISSIONS, roleMay } from "@/lib/permissions";
import { loadPage } from "@/lib/ui/page-load";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { NoWorkspace } from "@/components/no-workspace";
import { QueryProvider } from "@/components/query-provider";
import { ServiceUnavailable } from "@/components/service-unavailable";
import { createApiKeyAction, listApiKeysAction, revokeApiKeyAction } from "./actions";
// Leaked keys: the alert about keys found in public (lib/leaks).
import { recentExposures } from "@/lib/leaks/recent";
import { ExposureAlert } from "@/components/api-keys/exposure-alert";
import { dismissExposureAlertAction } from "./actions";

export const metadata = { title: "API Keys" };

const PATH = "/settings/developer/api-keys";

export default async function ApiKeysPage() {
  const loaded = await loadPage(async () => {
    const actor = await requireUser(PATH);
    return { actor, initial: actor.workspace ? await listApiKeys(actor) : null };
  });
  if (!loaded.ok) return <ServiceUnavailable message={loaded.message} retryHref={PATH} />;
  const { actor, initial } = loaded.data;
  if (!actor.workspace || !initial) return <NoWorkspace email={actor.email} />;
  const allowance = (permission: "apiKeys.create" | "apiKeys.revoke") => ({
    allowed: roleMay(actor.workspace?.role, permission),
    reason: PERMISSIONS[permission].deniedReason,
  });
  const exposures = await recentExposures(actor); // leaked keys
  const workspaceId = actor.workspace.id; // leaked keys
  return (
    <QueryProvider>
      <ExposureAlert alerts={exposures} canReplace={roleMay(actor.workspace.role, "apiKeys.create")} dismiss={dismissExposureAlertAction.bind(null, workspaceId)} />
      <ApiKeysPanel
        workspace={{ id: actor.workspace.id, name: actor.workspace.name }}
        initial={initial}
        permissions={{ create: allowance("apiKeys.create"), revoke: allowance("apiKeys.revoke") }}
        actions={{ list: listApiKeysAction, create: createApiKeyAction, revoke: revokeApiKeyAction }}
        apiOrigin={process.env.AUTH_URL ?? "http://localhost:3000"}
      />
    </QueryProvider>
  );
}
