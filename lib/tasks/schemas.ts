// Tasks: the workspace data that API keys read and write.
import { z } from "zod";
import { displayText } from "@/lib/text";

const TITLE_MAX = 200;

// The same rule as key descriptions (lib/text.ts): what is shown is what is stored.
const title = displayText("title", TITLE_MAX);

export const createTaskInput = z.object({
  title: title.describe("What needs doing."),
  done: z.boolean({ error: "done must be true or false." }).optional().describe("Defaults to false."),
});

export const updateTaskInput = z
  .object({
    title: title.optional(),
    done: z.boolean({ error: "done must be true or false." }).optional(),
  })
  .refine((value) => value.title !== undefined || value.done !== undefined, "Send at least one of title or done.");

export const listTasksQuery = z.object({
  all: z.enum(["true", "false"], { error: "all must be true or false." }).optional().describe("true includes done tasks."),
});

export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  done: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TaskDto = z.infer<typeof taskSchema>;

export function toTaskDto(row: { id: string; title: string; done: boolean; createdAt: Date; updatedAt: Date }): TaskDto {
  return { id: row.id, title: row.title, done: row.done, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
