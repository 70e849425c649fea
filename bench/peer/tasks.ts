// What both bench routes serve after their own authentication: OUR task-list operation
// (lib/tasks/list.ts: same named statement, same pool, same rows, same JSON and headers as
// GET /api/v1/workspaces/current/tasks), called as an API key of the workspace would call it.
// `npm run bench` checks that the three bodies are byte for byte the same before measuring.
import type { ApiKeyActor } from "@/lib/auth/actor";
import { jsonResponse } from "@/lib/http/json";
import { listTasks } from "@/lib/tasks/list";

/** An API-key actor for the workspace, as if authentication and the limit had passed for free. */
function benchActor(workspaceId: string, keyId: string): ApiKeyActor {
  return {
    kind: "apiKey",
    client: { ip: null, userAgent: null },
    keyId,
    permissions: null,
    rateLimit: { allowed: true, retryAfterSeconds: null, windows: [] },
    workspace: { id: workspaceId, name: "", slug: "" },
  };
}

export async function tasksResponse(request: Request, workspaceId: string, keyId: string): Promise<Response> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return jsonResponse(200, await listTasks(benchActor(workspaceId, keyId), query));
}
