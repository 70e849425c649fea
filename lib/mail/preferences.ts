// A person's e-mail categories (docs/notifications.md), the same in every workspace they are an
// owner or admin of. For people only: an API key gets 403. Checked when a notice is queued
// (enqueue.ts), so a change applies to the notices that come after it.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ruleFor } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { notificationPreferencesSchema, type NotificationPreferences } from "./preference-schemas";

const SELECT = {
  notifyKeyExpiring: true,
  notifyKeyExposed: true,
  notifyKeyUnused: true,
  notifyWebhookFailing: true,
  notifyKeyNewAddress: true,
} as const;

type Row = { [K in keyof typeof SELECT]: boolean };

const toPreferences = (row: Row): NotificationPreferences => ({
  keyExpiring: row.notifyKeyExpiring,
  keyExposed: row.notifyKeyExposed,
  keyUnused: row.notifyKeyUnused,
  webhookFailing: row.notifyWebhookFailing,
  keyNewAddress: row.notifyKeyNewAddress,
});

function personOf(actor: Actor): string {
  const rule = ruleFor(actor, "notifications.manage");
  if (actor.kind !== "user") throw new AppError("forbidden", rule.deniedReason);
  return actor.userId;
}

export async function getNotificationPreferences(actor: Actor): Promise<NotificationPreferences> {
  const userId = personOf(actor);
  return toPreferences(await db().user.findUniqueOrThrow({ where: { id: userId }, select: SELECT }));
}

export async function putNotificationPreferences(actor: Actor, input: unknown): Promise<NotificationPreferences> {
  const userId = personOf(actor);
  const wanted = parseInput(notificationPreferencesSchema, input);
  const row = await db().user.update({
    where: { id: userId },
    select: SELECT,
    data: {
      notifyKeyExpiring: wanted.keyExpiring,
      notifyKeyExposed: wanted.keyExposed,
      notifyKeyUnused: wanted.keyUnused,
      notifyWebhookFailing: wanted.webhookFailing,
      notifyKeyNewAddress: wanted.keyNewAddress,
    },
  });
  return toPreferences(row);
}
