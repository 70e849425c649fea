import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { getTask } from "@/lib/tasks/get";
import { updateTask } from "@/lib/tasks/update";

export const GET = apiRoute(({ actor, params }) => getTask(actor, { taskId: params.taskId! }), { permission: "tasks.read" });

export const PATCH = apiRoute(({ actor, params, body }) => updateTask(actor, { taskId: params.taskId!, changes: body }), {
  body: true,
  permission: "tasks.write",
});

export const { POST, PUT, DELETE } = methodsNotAllowed("GET, PATCH");
