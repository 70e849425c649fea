import { createApiKey } from "@/lib/api-keys/create";
import { listApiKeys } from "@/lib/api-keys/list";
import { apiRoute, methodsNotAllowed } from "@/lib/http/route";

export const GET = apiRoute(({ actor }) => listApiKeys(actor));

export const POST = apiRoute(({ actor, body }) => createApiKey(actor, body), { status: 201, body: true });

export const { PUT, PATCH, DELETE } = methodsNotAllowed("GET, POST");
