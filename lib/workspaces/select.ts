// Selecting a workspace: what `current` means for this person (sessions and OAuth tokens alike),
// remembered in the database. Pages and dashboard calls never rely on it: they carry the id of
// the workspace they were rendered for.
import type { Actor } from "@/lib/auth/actor";
import { ruleFor } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { isPlausibleId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { selectWorkspaceInput, type WorkspaceItem } from "./schemas";

const notAMember = () => new AppError("not_found", "No workspace with this id exists, or you are not a member of it.");

export async function selectWorkspace(actor: Actor, input: unknown): Promise<WorkspaceItem> {
  const rule = ruleFor(actor, "workspaces.select");
  if (actor.kind !== "user") throw new AppError("forbidden", rule.deniedReason);
  const { workspaceId } = parseInput(selectWorkspaceInput, input);
  if (!isPlausibleId(workspaceId)) throw notAMember();
  const [membership] = await query<Omit<WorkspaceItem, "current">>(
    sql`SELECT w."id", w."name", w."slug", m."role"::text AS role
        FROM "memberships" m JOIN "workspaces" w ON w."id" = m."workspace_id"
        WHERE m."user_id" = ${actor.userId} AND m."workspace_id" = ${workspaceId}`,
  );
  if (!membership) throw notAMember();
  if (!rule.allowed(membership.role)) throw new AppError("forbidden", rule.deniedReason);
  await db().user.update({ where: { id: actor.userId }, data: { selectedWorkspaceId: workspaceId } });
  return { ...membership, current: true };
}
