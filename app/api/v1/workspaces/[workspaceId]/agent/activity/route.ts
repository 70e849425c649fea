import { listActivity } from "@/lib/audit-log/list";
import { apiRoute, methodsNotAllowed } from "@/lib/http/route";

export const GET = apiRoute(({ actor, query }) => listActivity(actor, query));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
