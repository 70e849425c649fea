import type { Actor } from "@/lib/auth/actor";
import { ruleFor } from "@/lib/auth/authorize";
import { query, sql } from "@/lib/db/sql";
import type { WorkspaceItem } from "./schemas";

/**
 * The caller's workspaces with their role, oldest membership first, and which one is `current`
 * (their selection, by default the oldest). An API key sees only its own workspace.
 */
export async function listWorkspaces(actor: Actor): Promise<{ data: WorkspaceItem[] }> {
  ruleFor(actor, "workspaces.list");
  if (actor.kind === "apiKey") {
    return { data: actor.workspace ? [{ ...actor.workspace, role: null, current: true }] : [] };
  }
  if (actor.kind !== "user") return { data: [] };
  const rows = await query<Omit<WorkspaceItem, "current">>(
    sql`SELECT w."id", w."name", w."slug", m."role"::text AS role
        FROM "memberships" m JOIN "workspaces" w ON w."id" = m."workspace_id"
        WHERE m."user_id" = ${actor.userId}
        ORDER BY m."created_at" ASC, m."id" ASC`,
  );
  return { data: rows.map((row) => ({ ...row, current: row.id === actor.workspace?.id })) };
}
