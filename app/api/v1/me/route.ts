import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { getMe } from "@/lib/workspaces/me";

export const GET = apiRoute(({ actor }) => getMe(actor));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
