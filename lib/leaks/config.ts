// Settings of the leaked-key endpoints, read from the environment on every call (lib/env.ts).
import { envInteger } from "@/lib/env";

/** Where GitHub publishes the keys that sign secret scanning reports. */
export const githubKeysUrl = () =>
  process.env.SECRET_SCANNING_GITHUB_KEYS_URL?.trim() || "https://api.github.com/meta/public_keys/secret_scanning";

/** How long a fetched copy of GitHub's keys is used before it is fetched again (default 1 hour). */
export const githubKeysCacheSeconds = () => envInteger("SECRET_SCANNING_GITHUB_KEYS_CACHE_SECONDS", 3600);

/**
 * The least time between two fetches of GitHub's keys that were not due (an unknown key identifier,
 * or a retry after a failed fetch): anyone can send an unknown identifier, and GitHub's API
 * allows an unauthenticated address 60 requests an hour.
 */
export const githubKeysRefreshSeconds = () => envInteger("SECRET_SCANNING_GITHUB_KEYS_REFRESH_SECONDS", 60, 0);

/** Requests to POST /api/v1/revocations per client address and window (default 60 an hour). */
export const revocationLimits = () => ({
  limit: envInteger("REVOCATIONS_LIMIT", 60),
  windowSeconds: envInteger("REVOCATIONS_WINDOW_SECONDS", 3600),
});
