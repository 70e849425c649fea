// One-click unsubscribe (RFC 8058): every message carries a link that turns its category off for its
// recipient, without signing in. The token is the person's id and the category, signed with
// HMAC-SHA256 under a key derived (HKDF) from AUTH_SECRET, the server secret every instance shares:
// it cannot be forged, nor altered to turn off another person's or another category's mail. It
// only ever turns a category off, so using it twice (or by a mail scanner) changes nothing more.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { execute, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { CATEGORIES, type Category } from "./kinds";
import { publicUrl } from "./config";

function signingKey(): Buffer {
  const serverSecret = process.env.AUTH_SECRET;
  if (!serverSecret) throw new Error("AUTH_SECRET must be set: unsubscribe links are signed with a key derived from it.");
  return Buffer.from(hkdfSync("sha256", serverSecret, "", "one unsubscribe links v1", 32));
}

const sign = (userId: string, category: Category) => createHmac("sha256", signingKey()).update(`${userId}.${category}`).digest("base64url");

/** `<user id, base64url>.<category>.<signature>` */
function unsubscribeToken(userId: string, category: Category): string {
  return `${Buffer.from(userId).toString("base64url")}.${category}.${sign(userId, category)}`;
}

export const unsubscribeUrl = (userId: string, category: Category): string =>
  `${publicUrl()}/api/unsubscribe?token=${unsubscribeToken(userId, category)}`;

const invalidLink = () => new AppError("forbidden", "This unsubscribe link is not valid: it was altered or is not one of ours.");

/** The person and category a token names, or a `forbidden` error when it is malformed or its signature is wrong. */
export function readUnsubscribeToken(token: unknown): { userId: string; category: Category } {
  if (typeof token !== "string" || token.length > 512) throw invalidLink();
  const [encodedUser, category, signature, ...rest] = token.split(".");
  if (!encodedUser || !signature || rest.length > 0 || !(CATEGORIES as readonly string[]).includes(category ?? "")) throw invalidLink();
  const userId = Buffer.from(encodedUser, "base64url").toString("utf8");
  const expected = Buffer.from(sign(userId, category as Category));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidLink();
  return { userId, category: category as Category };
}

/** Turns the token's category off for its person; `not_found` when the person no longer exists. */
export async function unsubscribe(token: unknown): Promise<{ category: Category }> {
  const { userId, category } = readUnsubscribeToken(token);
  const changed = await execute(
    sql`UPDATE "users" SET
          "notify_key_expiring" = "notify_key_expiring" AND ${category}::text <> 'keyExpiring',
          "notify_key_exposed" = "notify_key_exposed" AND ${category}::text <> 'keyExposed',
          "notify_key_unused" = "notify_key_unused" AND ${category}::text <> 'keyUnused',
          "notify_webhook_failing" = "notify_webhook_failing" AND ${category}::text <> 'webhookFailing',
          "notify_key_new_address" = "notify_key_new_address" AND ${category}::text <> 'keyNewAddress'
        WHERE "id" = ${userId}`,
  );
  if (changed === 0) throw new AppError("not_found", "The person this link was sent to no longer has an account.");
  return { category };
}
