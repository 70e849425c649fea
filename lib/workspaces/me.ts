// GET /api/v1/me: who a request is from. A CI job sees its key's permissions and expiry (and the
// request counts against the workspace's limit like any key request); a person sees themselves
// and their current workspace.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ruleFor } from "@/lib/auth/authorize";
import { readKeys } from "@/lib/api-keys/read";
import type { MeDto } from "./schemas";

export async function getMe(actor: Actor): Promise<MeDto> {
  ruleFor(actor, "me.read");
  if (actor.kind === "apiKey") {
    // `current` always resolves to the key's own workspace.
    const workspace = actor.workspace!;
    const [key] = await readKeys(workspace.id, actor.keyId);
    return { type: "apiKey", workspace, key: key! };
  }
  if (actor.kind !== "user") throw new Error("ruleFor refuses anonymous callers.");
  const { workspace } = actor;
  return {
    type: "user",
    user: { id: actor.userId, name: actor.name, email: actor.email },
    workspace: workspace ? { id: workspace.id, name: workspace.name, slug: workspace.slug, role: workspace.role, current: true } : null,
  };
}
