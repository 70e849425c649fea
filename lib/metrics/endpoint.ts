// GET /api/metrics: the registry (lib/metrics/registry.ts) in Prometheus's text format, for a
// scraper that presents `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN the
// endpoint does not exist (404); a missing or wrong token gets 401 and no data. The token is
// compared in constant time (both sides hashed first, so their lengths do not leak either).
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { metrics } from "./registry";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether an Authorization header carries exactly this bearer token. */
export function presentsToken(authorization: string | null, token: string): boolean {
  const given = /^Bearer +(\S+) *$/i.exec(authorization ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

export async function metricsResponse(authorization: string | null, token = process.env.METRICS_TOKEN): Promise<Response> {
  if (!token) return errorResponse(new AppError("not_found", "There is no such endpoint."));
  if (!presentsToken(authorization, token)) {
    return errorResponse(new AppError("unauthenticated", "Metrics need `Authorization: Bearer <METRICS_TOKEN>`."));
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
