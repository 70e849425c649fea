import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete";
import { getWebhookEndpoint } from "@/lib/webhooks/list";
import { updateWebhookEndpoint } from "@/lib/webhooks/update";

export const GET = apiRoute(({ actor, params }) => getWebhookEndpoint(actor, { endpointId: params.endpointId! }));

export const PATCH = apiRoute(
  ({ actor, params, body }) => updateWebhookEndpoint(actor, { endpointId: params.endpointId!, changes: body }),
  { body: true },
);

export const DELETE = apiRoute(({ actor, params }) => deleteWebhookEndpoint(actor, { endpointId: params.endpointId! }));

export const { POST, PUT } = methodsNotAllowed("GET, PATCH, DELETE");
