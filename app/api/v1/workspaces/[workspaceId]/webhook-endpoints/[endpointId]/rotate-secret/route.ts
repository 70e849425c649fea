import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-secret";

export const POST = apiRoute(({ actor, params }) => rotateWebhookSecret(actor, { endpointId: params.endpointId! }));

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
