// Applies the workspace limit to an API-key request before the handler runs. The request was
// already counted when the key was authenticated (lib/api-keys/authenticate.ts); here the
// decision becomes the RateLimit headers of the response, or a 429.
import { AppError } from "@/lib/errors";
import type { RateLimitDecision } from "./decision";
import { rateLimitExceededMessage, rateLimitHeaders } from "./headers";

/** Returns the headers every API-key response carries; throws rate_limited (with them) when over. */
export function enforceRateLimit(decision: RateLimitDecision): Record<string, string> {
  const headers = rateLimitHeaders(decision);
  if (!decision.allowed) {
    const seconds = decision.retryAfterSeconds ?? 1;
    throw new AppError("rate_limited", rateLimitExceededMessage(seconds), { retryAfterSeconds: seconds, headers });
  }
  return headers;
}
