// GET /open/tasks — the open twin: our task list with no authentication at all, for the
// workspace named by BENCH_WORKSPACE_ID. What our API-key request would cost if
// authentication and the rate limit were free.
import { tasksResponse } from "../../../tasks";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return tasksResponse(request, process.env.BENCH_WORKSPACE_ID!, "open-twin");
}
