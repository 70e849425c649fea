import { getApiKeyPolicy, updateApiKeyPolicy } from "@/lib/api-keys/policy";
import { apiRoute, methodsNotAllowed } from "@/lib/http/route";

export const GET = apiRoute(({ actor }) => getApiKeyPolicy(actor));

export const PUT = apiRoute(({ actor, body }) => updateApiKeyPolicy(actor, body), { body: true });

export const { POST, PATCH, DELETE } = methodsNotAllowed("GET, PUT");
