import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { listDeliveries } from "@/lib/webhooks/deliveries";

export const GET = apiRoute(({ actor, params, query }) => listDeliveries(actor, { endpointId: params.endpointId!, query }));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
