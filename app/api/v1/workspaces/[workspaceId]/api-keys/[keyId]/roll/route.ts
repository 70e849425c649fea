import { rollApiKey } from "@/lib/api-keys/roll";
import { apiRoute, methodsNotAllowed } from "@/lib/http/route";

export const POST = apiRoute(({ actor, params, body }) => rollApiKey(actor, { keyId: params.keyId!, options: body }), {
  body: "optional",
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
