// GET /open/workspaces/{current|id}/tasks — the open twin: our task list with no
// authentication at all ("current" is BENCH_WORKSPACE_ID). What our API-key request would
// cost if authentication and the rate limit were free. Same dynamic route shape as ours, so
// Next.js does the same routing work.
import { tasksResponse } from "../../../../../tasks";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(request: Request, context: Context) {
  const { workspaceId } = await context.params;
  return tasksResponse(request, workspaceId === "current" ? process.env.BENCH_WORKSPACE_ID! : workspaceId, "open-twin");
}
