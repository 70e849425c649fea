import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { observed } from "@/lib/http/observe";
import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { selectWorkspace } from "@/lib/workspaces/select";

const select = apiRoute(({ actor, body }) => selectWorkspace(actor, body), { body: true });

// documented as /workspaces/current
const refuse = observed(async () =>
  errorResponse(new AppError("method_not_allowed", 'Select a workspace with PUT /workspaces/current and {"workspaceId": "<id>"}.'), {
    Allow: "",
  }),
);

/** PUT /workspaces/current selects a workspace; no other workspace id takes a PUT (405). */
export async function PUT(request: Request, context: { params: Promise<{ workspaceId: string }> }): Promise<Response> {
  return (await context.params).workspaceId === "current" ? select(request, context) : refuse(request, context);
}

export const { GET, POST, PATCH, DELETE } = methodsNotAllowed("PUT");
