import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { holdKeyWhileWriting } from "@/lib/api-keys/hold";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import { createTaskInput, toTaskDto, type TaskDto } from "./schemas";

export async function createTask(actor: Actor, input: unknown): Promise<TaskDto> {
  const scope = authorize(actor, "tasks.write");
  const { title, done } = parseInput(createTaskInput, input);
  const row = await db().$transaction(async (tx) => {
    await holdKeyWhileWriting(tx, scope);
    const task = await tx.task.create({
      data: { workspaceId: scope.workspaceId, title, done: done ?? false, createdByUserId: scope.userId, createdByKeyId: scope.keyId },
    });
    await recordAudit(tx, scope, { action: "task.created", targetType: "task", targetId: task.id, metadata: {} });
    return task;
  });
  return toTaskDto(row);
}
