// What happens when secrets are reported as exposed (by GitHub secret scanning or by anyone
// through the public revocation endpoint), for one report in ONE transaction:
//   - the secrets are looked up by hash in one statement (`= ANY($1)`), whatever their state;
//   - a key's current secret revokes the key at once (an expired key too: it leaves the list);
//   - a previous secret still in its grace period retires at once (reason `exposed`); the key
//     and its current secret keep working;
//   - a retired secret, or any secret of a revoked key, changes nothing (it no longer works);
//   - for each key that changed, the exposure (source, url, when) is recorded on the key and the
//     events `api_key.exposed` then `api_key.revoked` (or `api_key.previous_secret_retired`) are
//     written, by the reporter, and the workspace's owners and admins are e-mailed (lib/mail).
// Idempotent: every write is guarded by the state it changes (revoked_at IS NULL, retired_at IS
// NULL), so a replayed report, or two at once, changes nothing more and writes no more events.
import { recordAudit, type AuditActor, type AuditContext } from "@/lib/audit";
import type { Client } from "@/lib/auth/actor";
import { rollIdleSeconds } from "@/lib/api-keys/config";
import { lockKeysForChange } from "@/lib/api-keys/hold";
import { keyAuditFields } from "@/lib/api-keys/read";
import { revokeKeyInTransaction } from "@/lib/api-keys/revoke";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueNotice } from "@/lib/mail/enqueue";

/** Who reports: the exposure's source on the key, and the events' actor and address. */
export type Reporter = { source: string; by: AuditActor; client: Client | null };

/** One reported secret, by the SHA-256 hex of the token (as stored), with where it was found. */
export type ReportedSecret = { hash: string; url: string | null; foundIn?: string | null };

/** What the report did to a secret: revoked its key, retired it, nothing (ours, already dead), or not ours. */
export type Verdict = "revoked" | "retired" | "known" | "unknown";

type Row = {
  hash: string;
  secret_id: string;
  key_id: string;
  workspace_id: string;
  description: string;
  hint: string;
  state: "current" | "previous" | "dead";
};

/**
 * The state of each secret with one of these hashes (api_key_secret_states, as authentication
 * sees it), except that a key's expiry does not matter here: an expired key's current secret
 * still revokes it, and its previous secret in its grace period still retires.
 */
const lookup = (hashes: string[]) => sql`
SELECT s."hash", s."id" AS secret_id, s."key_id", s."workspace_id", s."description", s."hint",
       CASE WHEN s."key_state" = 'revoked' OR s."state" = 'retired' THEN 'dead' ELSE s."state" END AS state
FROM api_key_secret_states(${rollIdleSeconds()}) s
WHERE s."hash" = ANY(${hashes}::text[])`;

/** Retires one previous secret now, unless it has retired (or its key was revoked) meanwhile. */
const retireNow = (secretId: string) => sql`
UPDATE "api_key_secrets" p SET "retired_at" = now(), "retired_reason" = 'exposed'
FROM api_key_secret_states(${rollIdleSeconds()}) s
WHERE p."id" = ${secretId} AND s."id" = p."id" AND s."state" = 'previous' AND s."key_state" <> 'revoked' AND p."retired_at" IS NULL
RETURNING p."id"`;

const setExposure = (keyId: string, source: string, url: string | null, evenIfRevoked: boolean) => sql`
UPDATE "api_keys" SET "exposure_source" = ${source}, "exposure_url" = ${url}, "exposure_reported_at" = now()
WHERE "id" = ${keyId} AND (${evenIfRevoked}::boolean OR "revoked_at" IS NULL)
RETURNING "id"`;

/** Applies one report; returns the verdict for each distinct hash reported. */
export async function applyExposureReport(reporter: Reporter, reported: ReportedSecret[]): Promise<Map<string, Verdict>> {
  const byHash = new Map<string, ReportedSecret>();
  for (const secret of reported) if (!byHash.has(secret.hash)) byHash.set(secret.hash, secret);
  const verdicts = new Map<string, Verdict>([...byHash.keys()].map((hash) => [hash, "unknown"]));

  // The same statements run whatever matches (an empty lookup included), so that the work done
  // says as little as possible about which secrets exist.
  await db().$transaction(
    async (tx) => {
      const rows = await query<Row>(lookup([...byHash.keys()]), tx);
      // Wait for writes in flight with these keys, and make new ones wait (lib/api-keys/hold.ts).
      await lockKeysForChange(
        tx,
        rows.map((row) => row.key_id),
      );
      for (const row of rows) verdicts.set(row.hash, "known");
      // Current secrets first: a report with both secrets of a key revokes it, and then its
      // previous secret has nothing left to retire.
      const ordered = [...rows.filter((r) => r.state === "current"), ...rows.filter((r) => r.state === "previous")];
      for (const row of ordered) {
        const changed =
          row.state === "current"
            ? await revoke(tx, reporter, row, byHash.get(row.hash)!)
            : await retire(tx, reporter, row, byHash.get(row.hash)!);
        if (changed) verdicts.set(row.hash, row.state === "current" ? "revoked" : "retired");
      }
    },
    { maxWait: 15_000, timeout: 120_000 }, // a report may name thousands of secrets; revocations wait for writes in flight
  );
  return verdicts;
}

const contextOf = (reporter: Reporter, row: Row): AuditContext => ({
  workspaceId: row.workspace_id,
  by: reporter.by,
  client: reporter.client,
});

async function recordExposed(
  tx: Prisma.TransactionClient,
  reporter: Reporter,
  row: Row,
  secret: ReportedSecret,
  outcome: "revoked" | "previous_secret_retired",
) {
  await recordAudit(tx, contextOf(reporter, row), {
    action: "api_key.exposed",
    ...keyAuditFields({ id: row.key_id, description: row.description, hint: row.hint }),
    metadata: {
      description: row.description,
      hint: row.hint,
      source: reporter.source,
      url: secret.url,
      ...(secret.foundIn ? { foundIn: secret.foundIn } : {}),
      outcome,
    },
  });
  // The owners and admins are e-mailed, once per exposed secret (lib/mail).
  await enqueueNotice(tx, {
    kind: "key_exposed",
    workspaceId: row.workspace_id,
    targetId: row.key_id,
    occurrence: row.secret_id,
    data: { key: { id: row.key_id, description: row.description }, source: reporter.source, outcome },
  });
}

async function revoke(tx: Prisma.TransactionClient, reporter: Reporter, row: Row, secret: ReportedSecret): Promise<boolean> {
  // Locks the key's row; a concurrent report of the same key waits here and then finds it revoked.
  const [exposed] = await query<{ id: string }>(setExposure(row.key_id, reporter.source, secret.url, false), tx);
  if (!exposed) return false;
  await recordExposed(tx, reporter, row, secret, "revoked");
  return revokeKeyInTransaction(tx, contextOf(reporter, row), row.key_id, null);
}

async function retire(tx: Prisma.TransactionClient, reporter: Reporter, row: Row, secret: ReportedSecret): Promise<boolean> {
  const [retired] = await query<{ id: string }>(retireNow(row.secret_id), tx);
  if (!retired) return false;
  await query(setExposure(row.key_id, reporter.source, secret.url, true), tx);
  await recordExposed(tx, reporter, row, secret, "previous_secret_retired");
  await recordAudit(tx, contextOf(reporter, row), {
    action: "api_key.previous_secret_retired",
    ...keyAuditFields({ id: row.key_id, description: row.description, hint: row.hint }),
    metadata: { description: row.description, hint: row.hint, reason: "exposed" },
  });
  return true;
}
