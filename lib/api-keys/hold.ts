// Writes made with an API key commit only while the key is still active. The write's transaction
// holds the key's row FOR SHARE until it commits; revoking (an UPDATE of that row) waits for it,
// and a write that starts after a revoke committed sees the key revoked and changes nothing. So a
// revoke's response is never followed by a commit made with the revoked key. Reads take no lock,
// and neither does authentication (it never writes the key's row), so neither waits on writers.
import type { WorkspaceScope } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { query, sql, type Transaction } from "@/lib/db/sql";

export async function holdKeyWhileWriting(tx: Transaction, scope: WorkspaceScope): Promise<void> {
  if (!scope.keyId) return;
  const rows = await query(
    sql`SELECT 1 FROM "api_keys" WHERE "id" = ${scope.keyId} AND api_key_state("revoked_at", "expires_at") = 'active' FOR SHARE`,
    tx,
  );
  if (rows.length === 0) {
    throw new AppError("unauthenticated", "This API key was revoked or expired while the request ran. Nothing was changed.");
  }
}
