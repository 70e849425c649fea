import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import { listTasksQuery, toTaskDto, type TaskDto } from "./schemas";

/** Open tasks of the workspace, newest first; with all=true, done ones too. */
export async function listTasks(actor: Actor, query: unknown): Promise<{ data: TaskDto[] }> {
  const scope = authorize(actor, "tasks.read");
  const { all } = parseInput(listTasksQuery, query);
  const rows = await db().task.findMany({
    where: { workspaceId: scope.workspaceId, ...(all === "true" ? {} : { done: false }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
  });
  return { data: rows.map(toTaskDto) };
}
