// The peer: better-auth (1.7.5) with its API-key plugin, configured the way its documentation
// suggests for a service API, with keys hashed and the plugin's per-key rate limit ON (the
// limit is raised per key for the run, as ours is per workspace, so it counts every request but
// never refuses). It runs on the same pg pool as our app (lib/db/pool.ts: same size, same
// Unix socket). Each key carries the workspace it stands for in its metadata.
import { apiKey } from "@better-auth/api-key";
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { pool } from "@/lib/db/pool";

export const PEER_KEY_PREFIX = "peer_";
/** Per key, within one rate-limit window (the column is a 32-bit integer). */
export const PEER_RATE_LIMIT_MAX = 2_000_000_000;
export const PEER_RATE_LIMIT_WINDOW_MS = 60_000;

/** The configuration (also what better-auth's migrator reads to create its tables). */
export function peerAuthOptions() {
  return {
    database: pool(),
    baseURL: "http://localhost",
    secret: process.env.BETTER_AUTH_SECRET,
    telemetry: { enabled: false },
    // Its HTTP handler is never mounted: the bench calls auth.api.* on the server only.
    rateLimit: { enabled: false },
    plugins: [
      apiKey({
        defaultPrefix: PEER_KEY_PREFIX,
        enableMetadata: true,
        rateLimit: { enabled: true, timeWindow: PEER_RATE_LIMIT_WINDOW_MS, maxRequests: PEER_RATE_LIMIT_MAX },
      }),
    ],
  } satisfies BetterAuthOptions;
}

const createPeerAuth = () => betterAuth(peerAuthOptions());

const globalForPeer = globalThis as unknown as { peerAuth?: ReturnType<typeof createPeerAuth> };

export function peerAuth() {
  globalForPeer.peerAuth ??= createPeerAuth();
  return globalForPeer.peerAuth;
}
