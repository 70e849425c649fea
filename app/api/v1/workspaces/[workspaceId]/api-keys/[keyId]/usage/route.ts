import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { getApiKeyUsage } from "@/lib/usage/get";

export const GET = apiRoute(({ actor, params, query }) => getApiKeyUsage(actor, { keyId: params.keyId!, query }));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
