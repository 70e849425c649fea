// The REST adapter: every route handler under app/api/v1 is `apiRoute(…)` around one
// operation of lib/. It authenticates the caller (lib/auth/actor.ts), applies the workspace
// rate limit to API keys before any work, reads the JSON body when the route takes one,
// calls the operation, and maps errors (lib/http/errors.ts). Each request is logged and
// measured (lib/http/observe.ts), with who called.
import { actorFromRequest, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { keyPermissionFor } from "@/lib/api-keys/permissions";
import type { Permission } from "@/lib/permissions";
import { enforceRateLimit } from "@/lib/rate-limit/enforce";
import { readJsonBody } from "./body";
import { errorResponse } from "./errors";
import { jsonResponse } from "./json";
import { observed, type Caller, type RouteContext } from "./observe";

export type RouteInput = {
  actor: Actor;
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown>;
};

// Routes without dynamic segments get no params.
const flatten = (params: Record<string, string | string[]> = {}) =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.join("/") : value]));

type RouteOptions = {
  status?: number;
  /** true when the route takes a JSON body; "optional" when an empty one means `{}`. */
  body?: boolean | "optional";
  /**
   * The action of the permission table the operation checks, when an API key may call it: its
   * key permission (e.g. tasks:write) is judged in the key's authentication statement, so a key
   * without it gets its 403 before the rate limit counts the request.
   */
  permission?: Permission;
};

export function apiRoute(handler: (input: RouteInput) => Promise<unknown>, options: RouteOptions = {}) {
  return observed(async (request: Request, context: RouteContext, observation): Promise<Response> => {
    let headers: Record<string, string> = {};
    try {
      const params = flatten(await context.params);
      const needed = options.permission ? keyPermissionFor(options.permission) : null;
      const actor = await actorFromRequest(request, params.workspaceId ?? "current", needed);
      observation.caller = callerOf(actor);
      if (actor.kind === "apiKey") {
        // Not counted: the key lacks the route's permission. The operation's own check refuses it,
        // before the body is read (the order of decisions: 401, 403, 429, then the request itself).
        if (!actor.rateLimit) {
          authorize(actor, options.permission!);
          throw new Error("An API-key request judged without its permission passed the permission check.");
        }
        headers = enforceRateLimit(actor.rateLimit);
      }
      const empty =
        options.body === "optional" && !request.headers.get("content-type") && !Number(request.headers.get("content-length") ?? 0);
      const body = options.body && !empty ? await readJsonBody(request) : {};
      const query = Object.fromEntries(new URL(request.url).searchParams);
      return jsonResponse(options.status ?? 200, await handler({ actor, params, query, body }), headers);
    } catch (error) {
      return errorResponse(error, headers);
    }
  });
}

const callerOf = (actor: Actor): Caller =>
  actor.kind === "apiKey"
    ? { kind: "apiKey", keyId: actor.keyId }
    : actor.kind === "user"
      ? { kind: "user", userId: actor.userId, via: actor.via }
      : { kind: "anonymous" };

/** Handlers for the methods a route does not serve: 405 with the Allow header. */
export function methodsNotAllowed(allowed: string) {
  const refuse = observed(async () =>
    errorResponse(new AppError("method_not_allowed", `This endpoint accepts ${allowed} only.`), { Allow: allowed }),
  );
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
