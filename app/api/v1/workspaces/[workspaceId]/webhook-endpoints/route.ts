import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { createWebhookEndpoint } from "@/lib/webhooks/create";
import { listWebhookEndpoints } from "@/lib/webhooks/list";

export const GET = apiRoute(({ actor }) => listWebhookEndpoints(actor));

export const POST = apiRoute(({ actor, body }) => createWebhookEndpoint(actor, body), { status: 201, body: true });

export const { PUT, PATCH, DELETE } = methodsNotAllowed("GET, POST");
