import { getApiKey } from "@/lib/api-keys/get";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { updateApiKey } from "@/lib/api-keys/update";
import { apiRoute, methodsNotAllowed } from "@/lib/http/route";

export const GET = apiRoute(({ actor, params }) => getApiKey(actor, { keyId: params.keyId! }));

export const PATCH = apiRoute(({ actor, params, body }) => updateApiKey(actor, { keyId: params.keyId!, changes: body }), { body: true });

export const DELETE = apiRoute(({ actor, params }) => revokeApiKey(actor, { keyId: params.keyId! }));

export const { POST, PUT } = methodsNotAllowed("GET, PATCH, DELETE");
