// The workspace limiter as tests drive it: through the real authentication statement, with a real
// key of the workspace (the limit has no other way in).
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import type { RateLimitDecision } from "@/lib/rate-limit/decision";

export async function consumeWorkspaceRequest(secret: string, ip = "192.0.2.50"): Promise<RateLimitDecision> {
  const result = await authenticateApiKey(secret, { ip, userAgent: "vitest" });
  if (result.outcome !== "accepted") throw new Error(`The key was not accepted (${result.outcome}).`);
  if (!result.rateLimit) throw new Error("The key lacks the permission, so the limit did not count the request.");
  return result.rateLimit;
}
