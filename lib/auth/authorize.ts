// The permission check every operation starts with: who is calling (an Actor) against the
// permission table. Returns the workspace the operation is allowed to touch, and who to name in
// its audit events.
import type { AuditContext } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { abilityOf, grants, keyPermissionFor } from "@/lib/api-keys/permissions";
import { PERMISSIONS, roleMay, type Permission } from "@/lib/permissions";
import type { Actor, AnonymousActor, Role } from "./actor";

export type WorkspaceScope = AuditContext & {
  /** The user acting, or null for an API key. */
  userId: string | null;
  /** The API key acting, or null for a user. */
  keyId: string | null;
  /** The user's role in the workspace; null for an API key. */
  role: "OWNER" | "ADMIN" | "MEMBER" | null;
};

const notAMember = () => new AppError("not_found", "No workspace with this id exists, or you are not a member of it.");

/** 403 for an API key without the key permission an operation needs (it names the permission, body and header). */
function missingPermission(needed: string): AppError {
  return new AppError(
    "forbidden",
    `This API key cannot ${abilityOf(needed)}: it lacks the ${needed} permission. A workspace owner or admin can grant it on the key's page.`,
    { missingPermission: needed, headers: { "X-Accepted-Permissions": needed } },
  );
}

/** The error for a caller without valid credentials. */
function unauthenticated(actor: AnonymousActor): AppError {
  return new AppError(
    "unauthenticated",
    actor.message ??
      (actor.reason === "invalid"
        ? "The bearer token is not valid: it is malformed, unknown, revoked or expired."
        : "Send a bearer token (an API key or an OAuth access token) in the Authorization header."),
  );
}

/** For permissions that may apply to a workspace other than the one the request names: the caller's rule. */
export function ruleFor(actor: Actor, permission: Permission): { allowed: (role: Role | null) => boolean; deniedReason: string } {
  const rule: { deniedReason: string; apiKeyDeniedReason?: string; apiKeys: boolean } = PERMISSIONS[permission];
  if (actor.kind === "anonymous") throw unauthenticated(actor);
  if (actor.kind === "apiKey") return { allowed: () => rule.apiKeys, deniedReason: rule.apiKeyDeniedReason ?? rule.deniedReason };
  return { allowed: (role) => roleMay(role, permission), deniedReason: rule.deniedReason };
}

export function authorize(actor: Actor, permission: Permission): WorkspaceScope {
  const rule: { deniedReason: string; apiKeyDeniedReason?: string; apiKeys: boolean } = PERMISSIONS[permission];
  switch (actor.kind) {
    case "anonymous":
      throw unauthenticated(actor);
    case "apiKey": {
      if (!rule.apiKeys) throw new AppError("forbidden", rule.apiKeyDeniedReason ?? rule.deniedReason);
      if (!actor.workspace) throw notAMember();
      const needed = keyPermissionFor(permission);
      if (needed && !grants(actor.permissions, needed)) throw missingPermission(needed);
      return {
        workspaceId: actor.workspace.id,
        userId: null,
        keyId: actor.keyId,
        role: null,
        by: { type: "apiKey", id: actor.keyId },
        client: actor.client,
      };
    }
    case "user":
      if (!actor.workspace) throw notAMember();
      if (!roleMay(actor.workspace.role, permission)) throw new AppError("forbidden", rule.deniedReason);
      return {
        workspaceId: actor.workspace.id,
        userId: actor.userId,
        keyId: null,
        role: actor.workspace.role,
        by: { type: "user", id: actor.userId, name: actor.name, email: actor.email },
        client: actor.client,
      };
  }
}
