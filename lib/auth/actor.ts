// Who is calling. Every page, server action and route handler turns its request into an
// Actor here; operations in lib/ then decide what that actor may do (lib/auth/authorize.ts).
// Role and workspace always come from the database, never from a token or cookie alone.
import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { verifyAccessToken } from "./access-token";
import { auth } from "./next-auth";

export type { Role };

/** Where a request comes from, for audit events. */
export type Client = { ip: string | null; userAgent: string | null };

export type WorkspaceMembership = { id: string; name: string; slug: string; role: Role };

export type UserActor = {
  kind: "user";
  via: "session" | "oauth";
  client: Client;
  userId: string;
  email: string;
  name: string;
  /** The user's current workspace (their first membership), or null when they have none. */
  workspace: WorkspaceMembership | null;
};

export type AnonymousActor = {
  kind: "anonymous";
  client: Client;
  /** "missing": no credentials at all; "invalid": credentials that did not verify. */
  reason: "missing" | "invalid";
};

export type Actor = UserActor | AnonymousActor;

const API_KEY_PREFIX = "one_";

export function clientOf(requestHeaders: Headers): Client {
  const forwarded = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || requestHeaders.get("x-real-ip") || null,
    userAgent: requestHeaders.get("user-agent")?.slice(0, 500) ?? null,
  };
}

export async function loadUserActor(subject: string, via: UserActor["via"], client: Client): Promise<Actor> {
  const user = await db().user.findUnique({
    where: { oidcSubject: subject },
    include: {
      memberships: { orderBy: { createdAt: "asc" }, take: 1, include: { workspace: true } },
    },
  });
  if (!user) return { kind: "anonymous", reason: "invalid", client };
  const membership = user.memberships[0];
  return {
    kind: "user",
    via,
    client,
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
  const client = clientOf(await headers());
  const session = await auth();
  if (!session?.subject) return { kind: "anonymous", reason: "missing", client };
  return loadUserActor(session.subject, "session", client);
}

/**
 * The actor behind a REST request: `Authorization: Bearer <OAuth access token>`, or for GET
 * only the session cookie, so that a cross-site form can never change anything with it.
 * API keys (`one_…`) are not accepted here yet: until key authentication lands, they are
 * refused like any token that does not verify.
 */
export async function actorFromRequest(request: Request): Promise<Actor> {
  const client = clientOf(request.headers);
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer +(\S+)$/i.exec(header.trim());
    if (!match?.[1] || match[1].startsWith(API_KEY_PREFIX)) return { kind: "anonymous", reason: "invalid", client };
    const subject = await verifyAccessToken(match[1]);
    return subject ? loadUserActor(subject, "oauth", client) : { kind: "anonymous", reason: "invalid", client };
  }
  if (request.method === "GET" || request.method === "HEAD") return actorFromSession();
  return { kind: "anonymous", reason: "missing", client };
}
