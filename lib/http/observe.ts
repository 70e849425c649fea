// What every route handler of the API reports about each request it answers (lib/http/route.ts
// wraps the REST operations in it; the public routes wrap themselves): one JSON log line
// (lib/log/logger.ts) with the request id, method, route template, status, duration and who
// called (actor kind and key id or user id — never a secret, token, cookie or header), the
// request's duration in the metrics' histogram, and the request id sent back as X-Request-Id.
// Answers of 500 and 503 are logged as errors (the error itself, with its stack, is logged by
// lib/errors.ts under the same request id). Successful health checks and metrics scrapes are
// logged at debug level: a load balancer or Prometheus calls them every few seconds.
import { logger } from "@/lib/log/logger";
import { withRequestContext } from "@/lib/log/request-context";
import { requestIdOf } from "@/lib/log/request-id";
import { metrics } from "@/lib/metrics/registry";
import { errorResponse } from "./errors";
import { routeTemplate } from "./route-template";

type Params = Record<string, string | string[]>;
export type RouteContext = { params?: Promise<Params> };

/** Who made the request, as far as the handler found out. */
export type Caller = { kind: "apiKey"; keyId: string } | { kind: "user"; userId: string; via: string } | { kind: "anonymous" };

export type Observation = { caller?: Caller };

const QUIET_ROUTES = new Set(["/api/health", "/api/health/ready", "/api/metrics"]);

export function observed(handler: (request: Request, context: RouteContext, observation: Observation) => Promise<Response>) {
  return async (request: Request, context: RouteContext = {}): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request.headers);
    const observation: Observation = {};
    return withRequestContext({ requestId }, async () => {
      let response: Response;
      try {
        response = await handler(request, context, observation);
      } catch (error) {
        response = errorResponse(error);
      }
      const seconds = (performance.now() - started) / 1000;
      const route = routeTemplate(new URL(request.url).pathname, await context.params);
      const status = response.status;
      metrics().httpRequestDuration.observe({ route, method: request.method, status: String(status) }, seconds);
      response.headers.set("X-Request-Id", requestId);
      const line = {
        method: request.method,
        route,
        status,
        durationMs: Math.round(seconds * 100_000) / 100,
        actor: observation.caller ?? { kind: "anonymous" },
      };
      const log = logger();
      if (status >= 500) log.error(line, "request failed");
      else if (status < 400 && QUIET_ROUTES.has(route)) log.debug(line, "request");
      else log.info(line, "request");
      return response;
    });
  };
}
