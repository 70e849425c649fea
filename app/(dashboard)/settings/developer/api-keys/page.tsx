import { listApiKeys } from "@/lib/api-keys/list";
import { requireUser } from "@/lib/auth/session";
import { PERMISSIONS, roleMay } from "@/lib/permissions";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { NoWorkspace } from "@/components/no-workspace";
import { QueryProvider } from "@/components/query-provider";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata = { title: "API Keys" };

export default async function ApiKeysPage() {
  const actor = await requireUser("/settings/developer/api-keys");
  if (!actor.workspace) return <NoWorkspace email={actor.email} />;
  const initial = await listApiKeys(actor);
  const renderedAt = new Date().getTime();
  const allowance = (permission: "apiKeys.create" | "apiKeys.revoke") => ({
    allowed: roleMay(actor.workspace?.role, permission),
    reason: PERMISSIONS[permission].deniedReason,
  });
  return (
    <QueryProvider>
      <ApiKeysPanel
        workspace={{ id: actor.workspace.id, name: actor.workspace.name }}
        initial={initial}
        renderedAt={renderedAt}
        permissions={{ create: allowance("apiKeys.create"), revoke: allowance("apiKeys.revoke") }}
        actions={{ create: createApiKeyAction, revoke: revokeApiKeyAction }}
        apiOrigin={process.env.AUTH_URL ?? "http://localhost:3000"}
      />
    </QueryProvider>
  );
}
