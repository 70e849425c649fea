import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { listWorkspaces } from "@/lib/workspaces/list";

export const GET = apiRoute(({ actor }) => listWorkspaces(actor));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
