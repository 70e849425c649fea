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

export function authorize(actor: Actor, permission: Permission): WorkspaceScope {
  if (actor.kind === "anonymous") {
    throw new AppError("unauthenticated", "Sign in, or send a valid bearer token in the Authorization header.");
  }
  if (!actor.workspace) {
    throw new AppError("not_found", "You are not a member of this workspace.");
  }
  if (!roleMay(actor.workspace.role, permission)) {
    throw new AppError("forbidden", PERMISSIONS[permission].deniedReason);
  }
  return { workspaceId: actor.workspace.id, userId: actor.userId, keyId: null };
}
