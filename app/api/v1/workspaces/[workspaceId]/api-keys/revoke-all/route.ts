import { revokeAllApiKeys } from "@/lib/api-keys/revoke-all";
import { apiRoute, methodsNotAllowed } from "@/lib/http/route";

export const POST = apiRoute(({ actor, body }) => revokeAllApiKeys(actor, body), { body: true });

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
