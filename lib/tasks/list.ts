// Listing tasks is what API keys call most, so it is one named statement on the plain pg pool
// (planned once per connection, no ORM work per row); see README, Performance.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { named, query } from "@/lib/db/sql";
import { parseInput } from "@/lib/validation";
import { listTasksQuery, toTaskDto, type TaskDto } from "./schemas";

const MAX_TASKS_LISTED = 500;

type Row = { id: string; title: string; done: boolean; createdAt: Date; updatedAt: Date };

/** Open tasks of the workspace, newest first; with all=true, done ones too. */
export async function listTasks(actor: Actor, input: unknown): Promise<{ data: TaskDto[] }> {
  const scope = authorize(actor, "tasks.read");
  const { all } = parseInput(listTasksQuery, input);
  const rows = await query<Row>(
    named(
      "list-tasks",
      `SELECT "id", "title", "done", "created_at" AS "createdAt", "updated_at" AS "updatedAt"
           FROM "tasks" WHERE "workspace_id" = $1 AND ($2 OR NOT "done")
           ORDER BY "created_at" DESC, "id" DESC LIMIT ${MAX_TASKS_LISTED}`,
      [scope.workspaceId, all === "true"],
    ),
  );
  return { data: rows.map(toTaskDto) };
}
