import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { listKeyAddresses } from "@/lib/usage/addresses";

export const GET = apiRoute(({ actor, params, query }) => listKeyAddresses(actor, { keyId: params.keyId!, query }));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
