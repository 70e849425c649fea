// The one way e2e tests put a key straight into a database (the app's own run, or an instances
// test's): a key and its current secret, created by a demo person (or a placeholder creator when
// the database has no demo people). Returns its id and secret.
import { generateSecret, hashSecret, hintFor } from "../../lib/api-keys/secret";

type Sql = <T extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

export async function insertKey(
  sql: Sql,
  workspaceId: string,
  description: string,
  creatorEmail = "owner@example.com",
): Promise<{ id: string; secret: string }> {
  const secret = generateSecret();
  const [row] = await sql<{ id: string }>(
    `WITH creator AS (
       SELECT coalesce(u."id", 'seed') AS id, coalesce(u."name", 'Seed') AS name, coalesce(u."email", 'seed@example.com') AS email
       FROM (SELECT 1) one LEFT JOIN "users" u ON u."email" = $3
     ),
     k AS (
       INSERT INTO "api_keys" ("id", "workspace_id", "description", "created_by_id", "created_by_name", "created_by_email")
       SELECT gen_random_uuid()::text, $1, $2, creator.id, creator.name, creator.email FROM creator
       RETURNING "id"
     )
     INSERT INTO "api_key_secrets" ("id", "key_id", "hash", "hint") SELECT k."id", k."id", $4, $5 FROM k RETURNING "key_id" AS id`,
    [workspaceId, description, creatorEmail, hashSecret(secret), hintFor(secret)],
  );
  return { id: row!.id, secret };
}
