import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { getApiKeyInsights } from "@/lib/usage/insights";

export const GET = apiRoute(({ actor, params }) => getApiKeyInsights(actor, { keyId: params.keyId! }));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
