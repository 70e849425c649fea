import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { selectWorkspace } from "@/lib/workspaces/select";

const select = apiRoute(({ actor, body }) => selectWorkspace(actor, body), { body: true });

// documented as /workspaces/current
/** PUT /workspaces/current selects a workspace; no other workspace id takes a PUT (405). */
export async function PUT(request: Request, context: { params: Promise<{ workspaceId: string }> }): Promise<Response> {
  if ((await context.params).workspaceId === "current") return select(request, context);
  return errorResponse(new AppError("method_not_allowed", 'Select a workspace with PUT /workspaces/current and {"workspaceId": "<id>"}.'), {
    Allow: "",
  });
}

export const { GET, POST, PATCH, DELETE } = methodsNotAllowed("PUT");
