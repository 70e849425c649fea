// GET /api/metrics — Prometheus metrics behind METRICS_TOKEN (lib/metrics/endpoint.ts); 404 when it is not set.
import { observed } from "@/lib/http/observe";
import { metricsResponse } from "@/lib/metrics/endpoint";

export const dynamic = "force-dynamic";

export const GET = observed(async (request) => metricsResponse(request.headers.get("authorization")));
