import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { createTask } from "@/lib/tasks/create";
import { listTasks } from "@/lib/tasks/list";

export const GET = apiRoute(({ actor, query }) => listTasks(actor, query), { permission: "tasks.read" });

export const POST = apiRoute(({ actor, body }) => createTask(actor, body), { status: 201, body: true, permission: "tasks.write" });

export const { PUT, PATCH, DELETE } = methodsNotAllowed("GET, POST");
