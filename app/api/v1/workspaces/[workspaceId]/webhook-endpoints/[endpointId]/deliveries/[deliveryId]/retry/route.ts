import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { retryDelivery } from "@/lib/webhooks/deliveries";

export const POST = apiRoute(
  ({ actor, params }) => retryDelivery(actor, { endpointId: params.endpointId!, deliveryId: params.deliveryId! }),
  { status: 202 },
);

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
