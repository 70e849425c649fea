import { getApiKey } from "@/lib/api-keys/get";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { apiRoute, methodsNotAllowed } from "@/lib/http/route";

export const GET = apiRoute(({ actor, params }) => getApiKey(actor, { keyId: params.keyId! }));

export const DELETE = apiRoute(({ actor, params }) => revokeApiKey(actor, { keyId: params.keyId! }));

export const { POST, PUT, PATCH } = methodsNotAllowed("GET, DELETE");
