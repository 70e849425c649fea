import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isPlausibleId } from "@/lib/ids";

import { toTaskDto, type TaskDto } from "./schemas";

export const taskNotFound = () => new AppError("not_found", "No task with this id exists in this workspace.");

export async function getTask(actor: Actor, input: { taskId: string }): Promise<TaskDto> {
  const scope = authorize(actor, "tasks.read");
  const { taskId } = input;
  if (!isPlausibleId(taskId)) throw taskNotFound();
  const row = await db().task.findFirst({ where: { id: taskId, workspaceId: scope.workspaceId } });
  if (!row) throw taskNotFound();
  return toTaskDto(row);
}
