// Response header fields for the workspace rate limit, in the structured-field syntax of
// draft-ietf-httpapi-ratelimit-headers-11 (RateLimit-Policy and RateLimit are Lists of
// policies: a String naming the policy plus parameters), e.g.
//   RateLimit-Policy: "burst";q=40;w=60, "quota";q=200;w=900
//   RateLimit: "burst";r=12;t=34, "quota";r=150;t=500
// q = requests per window, w = window length in seconds, r = requests still available,
// t = seconds until the current window ends. Sent on every API-key response, 429 or not;
// Retry-After only on refusals, with the same number of seconds as the 429 message.
import type { RateLimitDecision } from "./decision";

export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Policy": decision.windows.map((w) => `"${w.name}";q=${w.limit};w=${w.windowSeconds}`).join(", "),
    RateLimit: decision.windows.map((w) => `"${w.name}";r=${w.remaining};t=${w.resetSeconds}`).join(", "),
  };
  if (!decision.allowed && decision.retryAfterSeconds !== null) headers["Retry-After"] = String(decision.retryAfterSeconds);
  return headers;
}

/** The message of the 429 response body. */
export function rateLimitExceededMessage(seconds: number): string {
  return `standard rate limit exceeded, retry in ${seconds} seconds`;
}
