// The one way lib/ runs raw SQL. A statement is written with the `sql` template, whose values
// become parameters ($1…$n, never text in the statement), and run with `query`:
//   - inside a transaction, on the Prisma transaction client `tx` (the only way onto its connection);
//   - otherwise on the process's pg pool (pool.ts, with its timeouts), without the ORM's
//     per-statement work. A statement with a `name` is prepared once per connection: the hot
//     path's statements (API-key authentication, the user behind a token, the task list) are.
// Both run on the same pool, so DATABASE_STATEMENT_TIMEOUT_MS bounds every statement alike.
import type { Prisma } from "@/lib/generated/prisma/client";
import { pool } from "./pool";

export type Statement = { text: string; values: unknown[]; name?: string };

/** What `sql` makes: a statement, or a fragment to put into another `sql` template. */
class Sql implements Statement {
  constructor(
    readonly text: string,
    readonly values: unknown[],
  ) {}
}

/** A Prisma transaction client: statements inside a transaction run on its connection. */
export type Transaction = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/**
 * `sql\`SELECT … WHERE "id" = ${id}\`` → `{ text: 'SELECT … WHERE "id" = $1', values: [id] }`.
 * A value made by `sql` itself is a fragment: its text goes in, its parameters renumbered.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  let text = strings[0]!;
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      const offset = params.length;
      text += value.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
      params.push(...value.values);
    } else {
      params.push(value);
      text += `$${params.length}`;
    }
    text += strings[i + 1];
  });
  return new Sql(text, params);
}

/** A statement kept as a constant (its parameters numbered by hand), prepared once per connection under `name`. */
export const named = (name: string, text: string, values: unknown[]): Statement => ({ name, text, values });

/** The rows a statement returns. */
export async function query<Row>(statement: Statement, tx?: Transaction): Promise<Row[]> {
  if (tx) return tx.$queryRawUnsafe<Row[]>(statement.text, ...statement.values);
  const { rows } = await pool().query({ name: statement.name, text: statement.text, values: statement.values });
  return rows as Row[];
}

/** How many rows a statement changed (or, for a SELECT, returned). */
export async function execute(statement: Statement, tx?: Transaction): Promise<number> {
  if (tx) return tx.$executeRawUnsafe(statement.text, ...statement.values);
  const { rowCount } = await pool().query({ name: statement.name, text: statement.text, values: statement.values });
  return rowCount ?? 0;
}
