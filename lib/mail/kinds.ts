// The e-mail notices (docs/notifications.md) and the preference category each belongs to. A
// person turns a category off for every workspace at once.
export const CATEGORIES = ["keyExpiring", "keyExposed", "keyUnused", "webhookFailing", "keyNewAddress"] as const;
export type Category = (typeof CATEGORIES)[number];

export const NOTICE_CATEGORY = {
  key_expiring_7d: "keyExpiring",
  key_expiring_1d: "keyExpiring",
  key_expired: "keyExpiring",
  key_exposed: "keyExposed",
  key_unused: "keyUnused",
  webhook_failing: "webhookFailing",
} as const satisfies Record<string, Category>;
export type NoticeKind = keyof typeof NOTICE_CATEGORY;

/** How the unsubscribe page and the footer of each message name a category. */
export const CATEGORY_LABELS: Record<Category, string> = {
  keyExpiring: "API keys about to expire or expired",
  keyExposed: "API keys reported as leaked",
  keyUnused: "unused API keys about to be revoked",
  webhookFailing: "webhook endpoints disabled after failing",
  keyNewAddress: "API keys used from a new address",
};
