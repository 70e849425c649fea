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
    throw new RateLimitedError(rateLimitExceededMessage(seconds), seconds, headers);
  }
  return headers;
}

export class RateLimitedError extends AppError {
  readonly headers: Record<string, string>;
  constructor(message: string, retryAfterSeconds: number, headers: Record<string, string>) {
    super("rate_limited", message, { retryAfterSeconds });
    this.headers = headers;
  }
}
