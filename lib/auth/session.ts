// Helpers for server components and server actions: the session's actor, once per request.
import { redirect } from "next/navigation";
import { cache } from "react";
import { actorFromSession, type UserActor } from "./actor";

export const currentActor = cache(actorFromSession);

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<UserActor> {
  const actor = await currentActor();
  if (actor.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
