// Helpers for server components and server actions: the session's actor, once per request.
import { redirect } from "next/navigation";
import { cache } from "react";
import { isPlausibleId } from "@/lib/ids";
import { actorFromSession, type Actor, type UserActor } from "./actor";
import { auth } from "./next-auth";

export const currentActor = cache(actorFromSession);

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<UserActor> {
  const actor = await currentActor();
  if (actor.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}

/**
 * The session's actor in exactly this workspace, for server actions (whose arguments come from
 * the browser): never "current", and anything that is not a workspace id is a workspace the
 * caller is not in, which operations refuse as not found.
 */
export function sessionActorFor(workspaceId: unknown): Promise<Actor> {
  return actorFromSession(isPlausibleId(workspaceId) && workspaceId !== "current" ? workspaceId : "");
}

/**
 * The name and e-mail address the session cookie carries, read without the database: only for
 * the dashboard's header while the database cannot be reached (lib/ui/server/page-load.ts). It
 * is not checked against the sessions table, so it never authorizes anything.
 */
export async function cookieUser(): Promise<{ name: string; email: string } | null> {
  const session = await auth();
  if (!session?.sessionId || !session.user?.email) return null;
  return { name: session.user.name ?? session.user.email, email: session.user.email };
}
