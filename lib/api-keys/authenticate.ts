// Turns an `Authorization: Bearer one_…` token into the key it belongs to, in ONE statement
// (one database round trip), read top to bottom:
//   secret   the secret with this hash, whatever its state, with its key and workspace, and its
//            verdict from api_key_secret_states (the SQL function every reader of a secret's state
//            uses): current or previous (it works), or why it is refused (revoked, expired,
//            retired). The roll rule is applied on every request, so a retired previous secret fails
//            on its very next request on any instance, whether or not the sweeper has written it down.
//            Whether the client address ($12, IPv4-mapped already unmapped; NULL when unknown, which
//            is outside every list) is inside the key's allowed networks: outside in "enforce" mode
//            is `blocked` (403 before anything else is counted or touched), in "report" mode only
//            counted. Also whether the key's permissions grant what the route needs ($11: the ids that grant
//            it, lib/api-keys/permissions.ts; NULL when it needs none), read from the key's row, so
//            a change applies from the next request on every instance.
//   touched  last-used time, address and user agent of an accepted secret: at most once a minute
//            for a current secret, once a second for a previous one (its idle time decides when
//            it retires)
//   state    the workspace's rate limit: both windows in one atomic upsert of its row, on the
//            database's clock (exact across instances; a refused request uses up neither window),
//            against the limits `secret` read from the workspace row (the workspace is read once);
//            a request refused for a missing permission is not counted (its 403 comes first)
//   guess    an unknown secret: one more failed lookup for the client's address (the throttle,
//            lib/rate-limit/failed-auth.ts), unless this process already knows it is over
// Malformed tokens (prefix, length, checksum) never reach the database. Each outcome is counted
// for the key's usage in memory (lib/usage/counter.ts), at no round trip.
import "server-only";
import type { RateLimitDecision, StateRow } from "@/lib/rate-limit/decision";
import { toDecision } from "@/lib/rate-limit/decision";
import { named, query } from "@/lib/db/sql";
import type { AppError } from "@/lib/errors";
import { failedAuthLimits, rateLimitWindows } from "@/lib/rate-limit/config";
import { countApiKeyOutcome } from "@/lib/metrics/registry";
import { isBlocked, throttleKey, unknownKeyOutcome } from "@/lib/rate-limit/failed-auth";
import { countRequest } from "@/lib/usage/counter";
import { rollIdleSeconds } from "./config";
import { comparableAddress } from "./networks";
import { idsGranting } from "./permissions";
import type { SecretVerdict } from "./states";
import { hashSecret, isWellFormedSecret } from "./secret";

const LAST_USED_PRECISION_SECONDS = 60;

export type Authentication =
  /**
   * A secret that works. `rateLimit`: the request as counted against the workspace's limit (it may
   * be over it); null when the key lacks the permission the route needs, which is refused first
   * and not counted.
   */
  | {
      outcome: "accepted";
      keyId: string;
      workspace: { id: string; name: string; slug: string };
      permissions: string[] | null;
      rateLimit: RateLimitDecision | null;
    }
  /** A secret that works, used from outside its allowed networks in enforce mode: refused, nothing counted or touched. */
  | { outcome: "blocked"; keyId: string; clientAddress: string | null }
  /** A secret we know that no longer works. */
  | { outcome: "denied"; keyId: string; reason: "revoked" | "expired" | "retired"; keyExpiresAt: Date | null }
  /** Malformed, or a secret we do not know; `throttled` when the address is over its failed-lookup limit. */
  | { outcome: "unknown"; throttled: AppError | null };

const STATEMENT = `
WITH secret AS (
  SELECT s."id", s."key_id", s."workspace_id", w."name" AS workspace_name, w."slug" AS workspace_slug, s."key_expires_at",
         w."rate_limit_burst" AS burst_limit, w."rate_limit_quota" AS quota_limit,
         s."verdict", k."permissions",
         ($11::text[] IS NULL OR k."permissions" IS NULL OR k."permissions" ?| $11::text[]) AS permitted,
         net.inside, NOT net.inside AND k."network_mode" = 'enforce' AS blocked
  FROM api_key_secret_states($6) s
  JOIN "workspaces" w ON w."id" = s."workspace_id"
  JOIN "api_keys" k ON k."id" = s."key_id"
  CROSS JOIN LATERAL (
    SELECT k."allowed_networks" IS NULL
           OR ($12::inet IS NOT NULL AND EXISTS (
                 SELECT 1 FROM jsonb_array_elements_text(k."allowed_networks") n WHERE $12::inet <<= n::cidr)) AS inside
  ) net
  WHERE s."hash" = $1
),
touched AS (
  UPDATE "api_key_secrets" t
  SET "last_used_at" = now(), "first_used_at" = coalesce(t."first_used_at", now()), "last_used_ip" = $2, "last_used_user_agent" = $3
  FROM secret
  WHERE t."id" = secret."id" AND secret.verdict IN ('current', 'previous') AND NOT secret.blocked
    AND (t."last_used_at" IS NULL
         OR t."last_used_at" < now() - make_interval(secs => CASE WHEN secret.verdict = 'current' THEN $7 ELSE 1 END))
  RETURNING 1
),
state AS (
  INSERT INTO "rate_limit_states" AS s ("workspace_id", "burst_start", "burst_count", "quota_start", "quota_count", "last_allowed")
  SELECT secret."workspace_id", date_trunc('milliseconds', now()), fresh.ok::int, date_trunc('milliseconds', now()), fresh.ok::int, fresh.ok
  FROM secret
  CROSS JOIN LATERAL (SELECT secret.burst_limit > 0 AND secret.quota_limit > 0 AS ok) fresh
  WHERE secret.verdict IN ('current', 'previous') AND NOT secret.blocked AND secret.permitted
  ON CONFLICT ("workspace_id") DO UPDATE SET
    ("burst_start", "burst_count", "quota_start", "quota_count", "last_allowed") = (
      SELECT CASE WHEN d.ok AND u.burst_used = 0 THEN date_trunc('milliseconds', now()) ELSE s."burst_start" END,
             u.burst_used + d.ok::int,
             CASE WHEN d.ok AND u.quota_used = 0 THEN date_trunc('milliseconds', now()) ELSE s."quota_start" END,
             u.quota_used + d.ok::int,
             d.ok
      FROM secret lim
      CROSS JOIN LATERAL (
        SELECT CASE WHEN now() < s."burst_start" + make_interval(secs => $4) THEN s."burst_count" ELSE 0 END AS burst_used,
               CASE WHEN now() < s."quota_start" + make_interval(secs => $5) THEN s."quota_count" ELSE 0 END AS quota_used
      ) u
      CROSS JOIN LATERAL (SELECT u.burst_used < lim.burst_limit AND u.quota_used < lim.quota_limit AS ok) d
    )
  RETURNING s.*
),
guess AS (
  INSERT INTO "failed_auth_attempts" AS a ("ip", "window_start", "count")
  SELECT $8, date_trunc('milliseconds', now()), 1
  WHERE $9::boolean AND NOT EXISTS (SELECT 1 FROM secret)
  ON CONFLICT ("ip") DO UPDATE SET
    "window_start" = CASE WHEN now() < a."window_start" + make_interval(secs => $10) THEN a."window_start" ELSE date_trunc('milliseconds', now()) END,
    "count" = CASE WHEN now() < a."window_start" + make_interval(secs => $10) THEN a."count" + 1 ELSE 1 END
  RETURNING "count", extract(epoch FROM "window_start" + make_interval(secs => $10) - now())::float8 AS ends_in
)
SELECT secret."key_id", secret."workspace_id", secret.workspace_name, secret.workspace_slug, secret.key_expires_at, secret.verdict,
       secret."permissions", secret.permitted, secret.inside, secret.blocked, state."last_allowed" AS allowed,
       secret.burst_limit, state."burst_count",
       extract(epoch FROM state."burst_start" + make_interval(secs => $4) - now())::float8 AS burst_ends_in,
       secret.quota_limit, state."quota_count",
       extract(epoch FROM state."quota_start" + make_interval(secs => $5) - now())::float8 AS quota_ends_in,
       guess."count" AS failed_count, guess.ends_in AS failed_ends_in
FROM (SELECT 1) AS one
LEFT JOIN secret ON true
LEFT JOIN state ON true
LEFT JOIN guess ON true`;

type Row = Partial<StateRow> & {
  key_id: string | null;
  workspace_id: string | null;
  workspace_name: string | null;
  workspace_slug: string | null;
  key_expires_at: Date | null;
  verdict: SecretVerdict | null;
  permissions: string[] | null;
  permitted: boolean | null;
  inside: boolean | null;
  blocked: boolean | null;
  failed_count: number | null;
  failed_ends_in: number | null;
};

type RequestClient = { ip: string | null; userAgent: string | null };

/**
 * The key behind a token, judged for a route that needs the key permission `needed` (null: none);
 * each outcome is also counted for the metrics (lib/metrics/registry.ts).
 */
export async function authenticateApiKey(token: string, client: RequestClient, needed: string | null = null): Promise<Authentication> {
  const result = await lookUp(token, client, needed);
  countApiKeyOutcome(
    result.outcome === "blocked"
      ? "blocked_network"
      : result.outcome !== "accepted"
        ? result.outcome
        : !result.rateLimit
          ? "forbidden"
          : result.rateLimit.allowed
            ? "ok"
            : "rate_limited",
  );
  return result;
}

async function lookUp(token: string, client: RequestClient, needed: string | null): Promise<Authentication> {
  if (!isWellFormedSecret(token)) return { outcome: "unknown", throttled: null };
  const windows = rateLimitWindows();
  const throttle = failedAuthLimits();
  const addressKey = throttleKey(client.ip);
  const alreadyBlocked = isBlocked(addressKey);
  // Named: each connection plans this statement once instead of on every request.
  const row = (
    await query<Row>(
      named("authenticate-api-key", STATEMENT, [
        hashSecret(token),
        client.ip,
        client.userAgent,
        windows.burstSeconds,
        windows.quotaSeconds,
        rollIdleSeconds(),
        LAST_USED_PRECISION_SECONDS,
        addressKey,
        !alreadyBlocked,
        throttle.windowSeconds,
        needed === null ? null : idsGranting(needed),
        comparableAddress(client.ip),
      ]),
    )
  )[0]!;
  if (!row.key_id || !row.verdict) {
    const counted = row.failed_count === null ? null : { count: row.failed_count, endsIn: row.failed_ends_in ?? 0 };
    return { outcome: "unknown", throttled: unknownKeyOutcome(addressKey, counted, throttle.limit) };
  }
  if (row.verdict !== "current" && row.verdict !== "previous") {
    countRequest(row.key_id, "denied");
    return { outcome: "denied", keyId: row.key_id, reason: row.verdict, keyExpiresAt: row.key_expires_at };
  }
  // Outside the list in report mode (in enforce mode it is blocked instead).
  const outside = !row.inside && !row.blocked;
  if (row.blocked) {
    countRequest(row.key_id, "blockedNetwork", { from: client });
    return { outcome: "blocked", keyId: row.key_id, clientAddress: client.ip };
  }
  const rateLimit = row.permitted ? toDecision(row as StateRow, windows) : null;
  countRequest(row.key_id, !rateLimit ? "forbidden" : rateLimit.allowed ? "ok" : "rateLimited", {
    permission: needed,
    outside,
    from: client,
  });
  return {
    outcome: "accepted",
    keyId: row.key_id,
    workspace: { id: row.workspace_id!, name: row.workspace_name!, slug: row.workspace_slug! },
    permissions: row.permissions,
    rateLimit,
  };
}
