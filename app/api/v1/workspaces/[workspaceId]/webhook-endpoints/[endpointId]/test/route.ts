import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { sendTestEvent } from "@/lib/webhooks/send-test";

export const POST = apiRoute(({ actor, params }) => sendTestEvent(actor, { endpointId: params.endpointId! }), { status: 202 });

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
