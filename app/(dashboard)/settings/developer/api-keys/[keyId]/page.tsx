// A key's own page: everything about one key, its usage and its history, with Rename, Roll and
// Revoke for owners and admins. The key is read with the actor of the workspace the page shows;
// a key of another workspace (or no key at all) is the not-found page, never an error.
import { notFound } from "next/navigation";
import { cache } from "react";
import { getApiKey } from "@/lib/api-keys/get";
import { getApiKeyPolicy } from "@/lib/api-keys/policy";
import { rollIdleSeconds } from "@/lib/api-keys/config";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { PERMISSIONS, roleMay, type Permission } from "@/lib/permissions";
import { KeyPage } from "@/components/api-keys/key-page";
import { NoWorkspace } from "@/components/no-workspace";

type Props = { params: Promise<{ keyId: string }> };

/** The signed-in user, the key (null: not found in the workspace the page shows) and the key policy, once per request. */
const load = cache(async (keyId: string) => {
  const actor = await requireUser(`/settings/developer/api-keys/${encodeURIComponent(keyId)}`);
  if (!actor.workspace) return { actor, key: null, policy: null };
  try {
    const [key, policy] = await Promise.all([getApiKey(actor, { keyId }), getApiKeyPolicy(actor)]);
    return { actor, key, policy };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return { actor, key: null, policy: null };
    throw error;
  }
});

export async function generateMetadata({ params }: Props) {
  const { key } = await load((await params).keyId);
  return { title: key ? `${key.description} · API Keys` : "No such key" };
}

export default async function ApiKeyPage({ params }: Props) {
  const { actor, key, policy } = await load((await params).keyId);
  if (!actor.workspace) return <NoWorkspace email={actor.email} />;
  if (!key || !policy) notFound();
  const role = actor.workspace.role;
  const allowance = (permission: Permission) => ({ allowed: roleMay(role, permission), reason: PERMISSIONS[permission].deniedReason });
  return (
    <KeyPage
      workspace={{ id: actor.workspace.id, name: actor.workspace.name }}
      initial={key}
      permissions={{
        create: allowance("apiKeys.create"),
        rename: allowance("apiKeys.update"),
        roll: allowance("apiKeys.roll"),
        revoke: allowance("apiKeys.revoke"),
        auditLog: allowance("auditLog.read"),
      }}
      rollIdleSeconds={rollIdleSeconds()}
      policy={policy}
      apiOrigin={process.env.AUTH_URL ?? "http://localhost:3000"}
    />
  );
}
