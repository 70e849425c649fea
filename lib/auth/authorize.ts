// The permission check every operation starts with: who is calling (an Actor) against the
// permission table. Returns the workspace the operation is allowed to touch.
import { AppError } from "@/lib/errors";
import { PERMISSIONS, roleMay, type Permission } from "@/lib/permissions";
import type { Actor } from "./actor";

export type WorkspaceScope = {
  workspaceId: string;
  /** The user acting, or null for an API key. */
  userId: string | null;
  /** The API key acting, or null for a user. */
  keyId: string | null;
};

const notAMember = () => new AppError("not_found", "No workspace with this id exists, or you are not a member of it.");

export function authorize(actor: Actor, permission: Permission): WorkspaceScope {
  const rule: { deniedReason: string; apiKeyDeniedReason?: string; apiKeys: boolean } = PERMISSIONS[permission];
  switch (actor.kind) {
    case "anonymous":
      throw new AppError(
        "unauthenticated",
        actor.reason === "invalid"
          ? "The bearer token is not valid: it is malformed, unknown, revoked or expired."
          : "Send a bearer token (an API key or an OAuth access token) in the Authorization header.",
      );
    case "apiKey":
      if (!rule.apiKeys) throw new AppError("forbidden", rule.apiKeyDeniedReason ?? rule.deniedReason);
      if (!actor.workspace) throw notAMember();
      return { workspaceId: actor.workspace.id, userId: null, keyId: actor.keyId };
    case "user":
      if (!actor.workspace) throw notAMember();
      if (!roleMay(actor.workspace.role, permission)) throw new AppError("forbidden", rule.deniedReason);
      return { workspaceId: actor.workspace.id, userId: actor.userId, keyId: null };
  }
}
