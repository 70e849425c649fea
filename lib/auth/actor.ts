// Who is calling. Every page, server action and route handler turns its request into an
// Actor here; operations in lib/ then decide what that actor may do (lib/auth/authorize.ts).
// Role and workspace always come from the database, never from a token or cookie alone.
import "server-only";
import { headers } from "next/headers";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { KEY_PREFIX } from "@/lib/api-keys/secret";
import { named, query } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { isPlausibleId } from "@/lib/ids";
import type { Role } from "@/lib/generated/prisma/enums";
import type { RateLimitDecision } from "@/lib/rate-limit/decision";
import { verifyAccessToken } from "./access-token";
import { clientOf, type Client } from "./client-address";
import { auth } from "./next-auth";

export type { Role };

export { clientOf, type Client } from "./client-address";

type Workspace = { id: string; name: string; slug: string };
type WorkspaceMembership = Workspace & { role: Role };

/**
 * Which workspace a request is about: "current" (the API key's workspace, or the user's
 * selected one, by default their oldest membership) or a workspace id from the URL.
 */
export type WorkspaceRef = "current" | (string & {});

export type UserActor = {
  kind: "user";
  via: "session" | "oauth";
  client: Client;
  userId: string;
  email: string;
  name: string;
  /** The workspace asked for, with the user's role; null when they are not a member. */
  workspace: WorkspaceMembership | null;
};

export type ApiKeyActor = {
  kind: "apiKey";
  client: Client;
  keyId: string;
  /** The key's permissions: null for full access (lib/api-keys/permissions.ts). */
  permissions: string[] | null;
  /** This request, already counted against the rate limit of the key's workspace; null when refused for a missing permission (not counted). */
  rateLimit: RateLimitDecision | null;
  /** The key's workspace when the request is about it; null for any other workspace. */
  workspace: Workspace | null;
};

export type AnonymousActor = {
  kind: "anonymous";
  client: Client;
  /** "missing": no credentials at all; "invalid": credentials that did not verify. */
  reason: "missing" | "invalid";
  /** Why, when there is more to say than the reason (e.g. when an API key expired). */
  message?: string;
};

export type Actor = UserActor | ApiKeyActor | AnonymousActor;

type UserRow = {
  id: string;
  email: string;
  name: string;
  workspace_id: string | null;
  workspace_name: string | null;
  workspace_slug: string | null;
  role: Role | null;
};

// The user and their membership of the workspace asked for, in one named statement (it runs
// on every OAuth and browser request; see README, Performance). For the session cookie, the
// same statement also requires the session row (lib/auth/sessions.ts), so a session ended by
// signing out costs no extra round trip to refuse.
const userStatement = (withSession: boolean) =>
  `SELECT u."id", u."email", u."name", w."id" AS workspace_id, w."name" AS workspace_name, w."slug" AS workspace_slug, m."role"
   FROM "users" u
   ${withSession ? `JOIN "sessions" s ON s."user_id" = u."id" AND s."id" = $3 AND s."expires_at" > now()` : ""}
   LEFT JOIN LATERAL (
     SELECT "workspace_id", "role" FROM "memberships"
     WHERE "user_id" = u."id" AND ($2::text IS NULL OR "workspace_id" = $2::text)
     -- "current": the workspace they selected, else their oldest membership (ties: by id)
     ORDER BY ("workspace_id" = u."selected_workspace_id") IS TRUE DESC, "created_at" ASC, "id" ASC LIMIT 1
   ) m ON true
   LEFT JOIN "workspaces" w ON w."id" = m."workspace_id"
   WHERE u."oidc_subject" = $1`;
const USER_STATEMENT = userStatement(false);
const SESSION_USER_STATEMENT = userStatement(true);

/** The workspace id for the statement: null for "current"; one that cannot be an id matches nothing and never reaches SQL. */
const workspaceParam = (ref: WorkspaceRef) => (ref === "current" ? null : isPlausibleId(ref) ? ref : "");

function toActor(rows: UserRow[], via: UserActor["via"], client: Client): Actor {
  const user = rows[0];
  if (!user) return { kind: "anonymous", reason: "invalid", client };
  return {
    kind: "user",
    via,
    client,
    userId: user.id,
    email: user.email,
    name: user.name,
    workspace:
      user.workspace_id && user.workspace_name && user.workspace_slug && user.role
        ? { id: user.workspace_id, name: user.workspace_name, slug: user.workspace_slug, role: user.role }
        : null,
  };
}

/** The user with this OpenID subject (from an OAuth access token) and their membership of the workspace asked for. */
export async function loadUserActor(subject: string, via: UserActor["via"], client: Client, ref: WorkspaceRef = "current"): Promise<Actor> {
  const rows = await query<UserRow>(named("load-user-actor", USER_STATEMENT, [subject, workspaceParam(ref)]));
  return toActor(rows, via, client);
}

/** The same for the session cookie: only while its session row exists and has not expired. */
export async function loadSessionActor(sessionId: string, subject: string, client: Client, ref: WorkspaceRef = "current"): Promise<Actor> {
  const rows = await query<UserRow>(named("load-session-actor", SESSION_USER_STATEMENT, [subject, workspaceParam(ref), sessionId]));
  return toActor(rows, "session", client);
}

/** The actor behind the session cookie (pages, server actions, REST GETs). */
export async function actorFromSession(ref: WorkspaceRef = "current"): Promise<Actor> {
  const client = clientOf(await headers());
  const session = await auth();
  // A cookie from before sessions were stored has no session id: it is signed out.
  if (!session?.subject || !session.sessionId) return { kind: "anonymous", reason: "missing", client };
  return loadSessionActor(session.sessionId, session.subject, client, ref);
}

/** The bearer token of a request: undefined without an Authorization header, null when malformed. */
function bearerToken(request: Request): string | null | undefined {
  const header = request.headers.get("authorization");
  if (header === null) return undefined;
  return /^Bearer +(\S+) *$/i.exec(header)?.[1] ?? null;
}

/**
 * The actor behind a REST request: `Authorization: Bearer one_…` is an API key; any other
 * bearer token is an OAuth access token; without one, GET may use the session cookie
 * (mutations may not, so a cross-site form can never change anything with it). `needed`: the
 * key permission the route needs (lib/api-keys/permissions.ts), judged in the key's one statement.
 */
export async function actorFromRequest(request: Request, ref: WorkspaceRef = "current", needed: string | null = null): Promise<Actor> {
  const client = clientOf(request.headers);
  const token = bearerToken(request);
  if (token === null) return { kind: "anonymous", reason: "invalid", client };
  if (token === undefined) {
    if (request.method === "GET" || request.method === "HEAD") return actorFromSession(ref);
    return { kind: "anonymous", reason: "missing", client };
  }
  if (token.startsWith(KEY_PREFIX)) return actorFromApiKey(token, client, ref, needed);
  const subject = await verifyAccessToken(token);
  return subject ? loadUserActor(subject, "oauth", client, ref) : { kind: "anonymous", reason: "invalid", client };
}

const DENIED_MESSAGES = {
  revoked: "This API key was revoked. Ask a workspace owner or admin for a new one.",
  retired: "This secret was replaced when the key was rolled, and no longer works. Use the key's new secret.",
} as const;

async function actorFromApiKey(token: string, client: Client, ref: WorkspaceRef, needed: string | null): Promise<Actor> {
  const key = await authenticateApiKey(token, client, needed);
  switch (key.outcome) {
    case "unknown":
      if (key.throttled) throw key.throttled;
      return { kind: "anonymous", reason: "invalid", client };
    case "blocked":
      throw new AppError(
        "forbidden",
        `This API key cannot be used from ${key.clientAddress ?? "an address the server could not determine"}: it is outside the key's allowed networks. A workspace owner or admin can add it on the key's page.`,
        { clientAddress: key.clientAddress },
      );
    case "denied":
      return {
        kind: "anonymous",
        reason: "invalid",
        client,
        message: key.reason === "expired" ? `This API key expired at ${key.keyExpiresAt?.toISOString()}.` : DENIED_MESSAGES[key.reason],
      };
    case "accepted": {
      const ours = ref === "current" || ref === key.workspace.id;
      return {
        kind: "apiKey",
        client,
        keyId: key.keyId,
        permissions: key.permissions,
        rateLimit: key.rateLimit,
        workspace: ours ? key.workspace : null,
      };
    }
  }
}
