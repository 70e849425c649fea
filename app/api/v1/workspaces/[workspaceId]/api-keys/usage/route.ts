import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { getWorkspaceUsage } from "@/lib/usage/get";

export const GET = apiRoute(({ actor, query }) => getWorkspaceUsage(actor, { query }));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
