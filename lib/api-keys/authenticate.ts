// Turns an `Authorization: Bearer one_…` token into the key it belongs to, and counts the
// request against the workspace's rate limit, in ONE statement (one database round trip):
//   key      the active key with this hash (revoked_at is read on every request, so a revoked
//            key fails on the very next request, on any instance)
//   touched  "last used" time and address, written at most once a minute per key, so the
//            dashboard is true to the minute without a write on every request
//   state    the workspace's rate-limit windows (lib/rate-limit/consume.ts)
// Malformed tokens (prefix, length, checksum) are refused before any of this; clients that
// keep presenting unknown keys are throttled (guessing.ts).
import { pool } from "@/lib/db/pool";
import { Prisma } from "@/lib/generated/prisma/client";
import { rateLimitWindows } from "@/lib/rate-limit/config";
import { consumeStateCte, stateColumns, toDecision, type RateLimitDecision, type StateRow } from "@/lib/rate-limit/consume";
import { noteFailedLookup, refuseIfGuessing } from "./guessing";
import { hashSecret, isWellFormedSecret } from "./secret";

export const LAST_USED_PRECISION_SECONDS = 60;

export type AuthenticatedKey = {
  keyId: string;
  workspace: { id: string; name: string; slug: string };
  /** This request, counted against the key's workspace. */
  rateLimit: RateLimitDecision;
};

type Row = StateRow & { key_id: string; workspace_id: string; workspace_name: string; workspace_slug: string };

export async function authenticateApiKey(token: string, ip: string | null): Promise<AuthenticatedKey | null> {
  if (!isWellFormedSecret(token)) return null;
  refuseIfGuessing(ip);
  const windows = rateLimitWindows();
  const statement = Prisma.sql`
    WITH key AS (
      SELECT k."id", k."workspace_id", w."name", w."slug"
      FROM "api_keys" k JOIN "workspaces" w ON w."id" = k."workspace_id"
      WHERE k."hash" = ${hashSecret(token)} AND k."revoked_at" IS NULL
    ),
    touched AS (
      UPDATE "api_keys" SET "last_used_at" = now(), "last_used_ip" = ${ip}
      WHERE "id" = (SELECT "id" FROM key)
        AND ("last_used_at" IS NULL OR "last_used_at" < now() - make_interval(secs => ${LAST_USED_PRECISION_SECONDS}))
      RETURNING 1
    ),
    ${consumeStateCte(Prisma.sql`(SELECT "workspace_id" FROM key)`, windows)}
    SELECT key."id" AS key_id, key."workspace_id", key."name" AS workspace_name, key."slug" AS workspace_slug, ${stateColumns(windows)}
    FROM key
    JOIN state ON state."workspace_id" = key."workspace_id"
    JOIN "workspaces" lim ON lim."id" = key."workspace_id"`;
  // Named: each connection plans this statement once instead of on every request.
  const { rows } = await pool().query<Row>({ name: "authenticate-api-key", text: statement.text, values: statement.values as unknown[] });
  const row = rows[0];
  if (!row) {
    await noteFailedLookup(ip);
    return null;
  }
  return {
    keyId: row.key_id,
    workspace: { id: row.workspace_id, name: row.workspace_name, slug: row.workspace_slug },
    rateLimit: toDecision(row, windows),
  };
}
