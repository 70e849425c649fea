// Fails when prisma/schema.prisma and the migrated database disagree: every table, column
// (type, nullability, default), enum, index and foreign key of one must be in the other.
// Prisma's own `migrate diff` needs a native engine these machines cannot download, so the
// comparison uses Prisma's schema parser (WASM) on one side and PostgreSQL's catalog on the other.
import wasm from "@prisma/prisma-schema-wasm";
import { readFileSync } from "node:fs";
import pg from "pg";
import { expect, inject, it } from "vitest";

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum";
  type: string;
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string; sortOrder?: "asc" | "desc" }[] };
type Dmmf = { datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] } };

const schema = readFileSync("prisma/schema.prisma", "utf8");
const dmmf: Dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] })));

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Json: "jsonb",
  DateTime: "timestamp(3) without time zone",
};
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Timestamptz: (args) => `timestamp(${args[0] ?? 6}) with time zone`,
  Uuid: () => "uuid",
  Text: () => "text",
  Inet: () => "inet",
  Date: () => "date",
};

function expectedFromSchema() {
  const models = dmmf.datamodel.models;
  const table = (model: string) => {
    const m = models.find((x) => x.name === model)!;
    return m.dbName ?? m.name;
  };
  const column = (model: string, field: string) => {
    const f = models.find((x) => x.name === model)!.fields.find((x) => x.name === field)!;
    return f.dbName ?? f.name;
  };
  const columns = models.flatMap((m) =>
    m.fields
      .filter((f) => f.kind !== "object")
      .map((f) => {
        const type = f.nativeType
          ? NATIVE_TYPES[f.nativeType[0]]!(f.nativeType[1])
          : f.kind === "enum"
            ? `"${f.type}"`
            : SCALAR_TYPES[f.type];
        return `${table(m.name)}.${f.dbName ?? f.name} ${type}${f.isRequired ? " not null" : ""}${f.hasDefaultValue && !f.isUpdatedAt && !["cuid", "uuid"].includes(String((f as { default?: { name?: string } }).default?.name)) ? " default" : ""}`;
      }),
  );
  const indexes = dmmf.datamodel.indexes
    .filter((i) => i.type !== "id")
    .map(
      (i) =>
        `${i.type === "unique" ? "unique " : ""}${table(i.model)}(${i.fields.map((f) => column(i.model, f.name) + (f.sortOrder === "desc" ? " desc" : "")).join(", ")})`,
    );
  const primaryKeys = dmmf.datamodel.indexes
    .filter((i) => i.type === "id")
    .map((i) => `${table(i.model)}(${i.fields.map((f) => column(i.model, f.name)).join(", ")})`);
  const foreignKeys = models.flatMap((m) =>
    m.fields
      .filter((f) => f.kind === "object" && f.relationFromFields?.length)
      .map((f) => {
        const onDelete = (f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
        return `${table(m.name)}(${f.relationFromFields!.map((c) => column(m.name, c)).join(", ")}) -> ${table(f.type)}(${f.relationToFields!.map((c) => column(f.type, c)).join(", ")}) on delete ${onDelete}`;
      }),
  );
  const enums = dmmf.datamodel.enums.map((e) => `${e.name}: ${e.values.map((v) => v.name).join(", ")}`);
  return {
    columns: columns.sort(),
    indexes: indexes.sort(),
    primaryKeys: primaryKeys.sort(),
    foreignKeys: foreignKeys.sort(),
    enums: enums.sort(),
  };
}

async function actualFromDatabase() {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  const q = async (sql: string) => (await client.query<{ v: string }>(sql)).rows.map((r) => r.v).sort();
  try {
    const userTables = `c.relkind = 'r' AND n.nspname = 'public' AND c.relname <> '_prisma_migrations'`;
    return {
      columns: await q(`
        SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
               || CASE WHEN a.atthasdef THEN ' default' ELSE '' END AS v
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE ${userTables} AND a.attnum > 0 AND NOT a.attisdropped`),
      indexes: await q(`
        SELECT CASE WHEN ix.indisunique THEN 'unique ' ELSE '' END || t.relname || '(' ||
               (SELECT string_agg(a.attname || CASE WHEN ix.indoption[k.i - 1] & 1 = 1 THEN ' desc' ELSE '' END, ', ' ORDER BY k.i)
                FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, i) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) || ')' AS v
        FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class c ON c.oid = t.oid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE ${userTables} AND NOT ix.indisprimary`),
      primaryKeys: await q(`
        SELECT t.relname || '(' || (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, i)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) || ')' AS v
        FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class c ON c.oid = t.oid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE ${userTables} AND ix.indisprimary`),
      foreignKeys: await q(`
        SELECT c.relname || '(' || (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, i) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum)
               || ') -> ' || r.relname || '(' || (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, i) JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.attnum)
               || ') on delete ' || CASE con.confdeltype WHEN 'c' THEN 'cascade' WHEN 'r' THEN 'restrict' WHEN 'n' THEN 'set null' WHEN 'a' THEN 'no action' WHEN 'd' THEN 'set default' END AS v
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE con.contype = 'f' AND ${userTables}`),
      enums: await q(`
        SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS v
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`),
    };
  } finally {
    await client.end();
  }
}

it("the migrated database matches prisma/schema.prisma exactly", async () => {
  expect(await actualFromDatabase()).toEqual(expectedFromSchema());
});
