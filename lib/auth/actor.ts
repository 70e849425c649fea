// Who is calling. Every page, server action and route handler turns its request into an
// Actor here; operations in lib/ then decide what that actor may do (lib/permissions.ts).
// Role and workspace always come from the database, never from a token or cookie alone.
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { verifyAccessToken } from "./access-token";
import { auth } from "./next-auth";

export type { Role };

export type WorkspaceMembership = { id: string; name: string; slug: string; role: Role };

export type UserActor = {
  kind: "user";
  via: "session" | "oauth";
  userId: string;
  email: string;
  name: string;
  /** The user's current workspace (their first membership), or null when they have none. */
  workspace: WorkspaceMembership | null;
};

export type AnonymousActor = {
  kind: "anonymous";
  /** "missing": no credentials at all; "invalid": credentials that did not verify. */
  reason: "missing" | "invalid";
};

export type Actor = UserActor | AnonymousActor;

const API_KEY_PREFIX = "one_";

async function userActor(subject: string, via: UserActor["via"]): Promise<Actor> {
  const user = await db().user.findUnique({
    where: { oidcSubject: subject },
    include: {
      memberships: { orderBy: { createdAt: "asc" }, take: 1, include: { workspace: true } },
    },
  });
  if (!user) return { kind: "anonymous", reason: "invalid" };
  const membership = user.memberships[0];
  return {
    kind: "user",
    via,
    userId: user.id,
    email: user.email,
    name: user.name,
    workspace: membership
      ? { id: membership.workspace.id, name: membership.workspace.name, slug: membership.workspace.slug, role: membership.role }
      : null,
  };
}

/** The actor behind the session cookie (pages and server actions). */
export async function actorFromSession(): Promise<Actor> {
  const session = await auth();
  if (!session?.subject) return { kind: "anonymous", reason: "missing" };
  return userActor(session.subject, "session");
}

/**
 * The actor behind a REST request: `Authorization: Bearer …` (an OAuth access token; API
 * keys, which start with `one_`, are authenticated by lib/api-keys), or for GET only the
 * session cookie, so that a cross-site form can never change anything with it.
 */
export async function actorFromRequest(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer +(\S+)$/i.exec(header.trim());
    if (!match?.[1] || match[1].startsWith(API_KEY_PREFIX)) return { kind: "anonymous", reason: "invalid" };
    const subject = await verifyAccessToken(match[1]);
    return subject ? userActor(subject, "oauth") : { kind: "anonymous", reason: "invalid" };
  }
  if (request.method === "GET" || request.method === "HEAD") return actorFromSession();
  return { kind: "anonymous", reason: "missing" };
}
