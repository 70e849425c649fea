// Writes made with an API key commit only while the key is still active. The write's transaction
// holds the key (a shared advisory lock on the key, and its row FOR SHARE) until it commits;
// revoking or changing the key first takes that advisory lock alone (`lockKeysForChange`), so it
// waits for the writes in flight, and a write that starts after a revoke committed sees the key
// revoked and changes nothing. So a revoke's response is never followed by a commit made with the
// revoked key. Reads take no lock, and neither does authentication (it never writes the key's row),
// so neither waits on writers.
//
// Why an advisory lock and not the row lock alone: PostgreSQL lets a new FOR SHARE join the
// current holders without queueing behind an UPDATE that waits, so a steady stream of writes could
// starve a revoke until its statement timed out. Advisory locks are granted in the order asked:
// once a revoke waits, new writers wait behind it.
import type { WorkspaceScope } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { query, sql, type Transaction } from "@/lib/db/sql";

/** The advisory lock space of keys' holds (the second key is the key id's hash; a collision only makes two keys wait for each other). */
const KEY_LOCKS = 1_801_812_345;

export async function holdKeyWhileWriting(tx: Transaction, scope: WorkspaceScope): Promise<void> {
  if (!scope.keyId) return;
  // One statement: the lock is taken before the row is locked, and the row's state is checked again
  // on its latest version when it is (so a revoke committed while this waited is seen).
  const rows = await query(
    sql`WITH held AS (SELECT pg_advisory_xact_lock_shared(${KEY_LOCKS}, hashtext(${scope.keyId})))
        SELECT 1 FROM "api_keys" k, held
        WHERE k."id" = ${scope.keyId} AND api_key_state(k."revoked_at", k."expires_at") = 'active'
        FOR SHARE OF k`,
    tx,
  );
  if (rows.length === 0) {
    throw new AppError("unauthenticated", "This API key was revoked or expired while the request ran. Nothing was changed.");
  }
}

/**
 * Before revoking or changing keys: waits for the writes in flight with them to commit, and makes
 * new writes wait until this transaction ends. Locks in id order, so two of these never deadlock.
 */
export async function lockKeysForChange(tx: Transaction, keyIds: readonly string[]): Promise<void> {
  // Run even for no keys: the leak handler's work must not say whether a secret matched.
  await query(
    sql`SELECT count(*)::int AS locked
        FROM (SELECT pg_advisory_xact_lock(${KEY_LOCKS}, hashtext(id)) FROM unnest(${[...keyIds].sort()}::text[]) WITH ORDINALITY AS k(id, n) ORDER BY n) AS taken`,
    tx,
  );
}
