import { apiRoute, methodsNotAllowed } from "@/lib/http/route";
import { getNotificationPreferences, putNotificationPreferences } from "@/lib/mail/preferences";

export const GET = apiRoute(({ actor }) => getNotificationPreferences(actor));

export const PUT = apiRoute(({ actor, body }) => putNotificationPreferences(actor, body), { body: true });

export const { POST, PATCH, DELETE } = methodsNotAllowed("GET, PUT");
