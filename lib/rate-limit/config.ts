// Rate-limit settings from the environment. Read on every call, not once at import, so that a
// process (or a test) that sets them before use gets them; the cost is a few string parses.
// The per-workspace request counts live in the database (workspaces.rate_limit_burst/quota);
// only the window lengths and the failed-auth throttle are process configuration.

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1, got "${raw}".`);
  }
  return value;
}

/** Lengths of the two windows every workspace's API-key requests are counted in. */
export function rateLimitWindows(): { burstSeconds: number; quotaSeconds: number } {
  return {
    burstSeconds: positiveInteger("RATE_LIMIT_BURST_WINDOW_SECONDS", 60),
    quotaSeconds: positiveInteger("RATE_LIMIT_QUOTA_WINDOW_SECONDS", 900),
  };
}

/** How many failed API-key lookups one client may make per window before it is refused. */
export function failedAuthLimits(): { limit: number; windowSeconds: number } {
  return {
    limit: positiveInteger("FAILED_AUTH_LIMIT", 30),
    windowSeconds: positiveInteger("FAILED_AUTH_WINDOW_SECONDS", 60),
  };
}
