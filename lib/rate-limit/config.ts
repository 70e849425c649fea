// Rate-limit settings from the environment. The per-workspace request counts live in the
// database (workspaces.rate_limit_burst/quota); only the window lengths and the failed-lookup
// throttle are process configuration.
import { envInteger } from "@/lib/env";

/** Lengths of the two windows every workspace's API-key requests are counted in. */
export function rateLimitWindows(): { burstSeconds: number; quotaSeconds: number } {
  return {
    burstSeconds: envInteger("RATE_LIMIT_BURST_WINDOW_SECONDS", 60),
    quotaSeconds: envInteger("RATE_LIMIT_QUOTA_WINDOW_SECONDS", 900),
  };
}

/** How many failed API-key lookups one client may make per window before it is refused. */
export function failedAuthLimits(): { limit: number; windowSeconds: number } {
  return {
    limit: envInteger("FAILED_AUTH_LIMIT", 30),
    windowSeconds: envInteger("FAILED_AUTH_WINDOW_SECONDS", 60),
  };
}
