// A person's e-mail preferences: what `GET|PUT /api/v1/me/notification-preferences` answer and what
// `PUT` takes (the whole object, every category).
import { z } from "zod";

const category = (name: string, description: string) => z.boolean({ error: `${name} must be true or false.` }).describe(description);

export const notificationPreferencesSchema = z.object({
  keyExpiring: category("keyExpiring", "A key expiring in 7 days, in 1 day, and expired (default on)."),
  keyExposed: category("keyExposed", "A key reported as leaked and revoked, or its previous secret retired (default on)."),
  keyUnused: category("keyUnused", "A key to be revoked as unused by the key policy, 7 days ahead (default on)."),
  webhookFailing: category("webhookFailing", "A webhook endpoint disabled after five failed deliveries in a row (default on)."),
  keyNewAddress: category("keyNewAddress", "A key used from a new address (default off)."),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
