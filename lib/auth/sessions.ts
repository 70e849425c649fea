// Dashboard sessions that the server can end. Auth.js keeps its encrypted JWT cookie, which
// now also carries `sid`, the id of a row in "sessions" written at sign-in. Every request that
// uses the cookie (pages, server actions, REST GETs) reads the row in the same statement that
// loads the user (lib/auth/actor.ts), so:
//   - signing out deletes the row: a copy of the cookie stops working at once, everywhere;
//   - deleting a user deletes their rows (ON DELETE CASCADE);
//   - a sign-in lasts at most SESSION_MAX_AGE_SECONDS, however often the cookie is renewed.
// API keys and OAuth tokens never touch this table.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Records a sign-in of `userId`; returns the session id the cookie will carry. */
export async function startSession(userId: string, idToken: string | null): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db().$transaction([
    // Housekeeping, on the user's own rows only: their sign-ins that have run out.
    db().session.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } }),
    db().session.create({ data: { id, userId, idToken, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) } }),
  ]);
  return id;
}

/** Ends a session; returns its ID token (for the provider's logout), or null if it was already gone. */
export async function endSession(id: string): Promise<{ idToken: string | null } | null> {
  const [row] = await query<{ id_token: string | null }>(sql`DELETE FROM "sessions" WHERE "id" = ${id} RETURNING "id_token"`);
  return row ? { idToken: row.id_token } : null;
}
