import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { holdKeyWhileWriting } from "@/lib/api-keys/hold";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { isPlausibleId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { taskNotFound } from "./get";
import { toTaskDto, updateTaskInput, type TaskDto } from "./schemas";

export async function updateTask(actor: Actor, input: { taskId: string; changes: unknown }): Promise<TaskDto> {
  const scope = authorize(actor, "tasks.write");
  const { taskId } = input;
  if (!isPlausibleId(taskId)) throw taskNotFound();
  const changes = parseInput(updateTaskInput, input.changes);
  const row = await db().$transaction(async (tx) => {
    await holdKeyWhileWriting(tx, scope);
    const updated = await tx.task.updateMany({ where: { id: taskId, workspaceId: scope.workspaceId }, data: changes });
    if (updated.count === 0) throw taskNotFound();
    await recordAudit(tx, scope, {
      action: "task.updated",
      targetType: "task",
      targetId: taskId,
      metadata: { changed: Object.keys(changes) },
    });
    return tx.task.findUniqueOrThrow({ where: { id: taskId } });
  });
  return toTaskDto(row);
}
