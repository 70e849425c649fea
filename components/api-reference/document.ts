// The part of our OpenAPI document the server-rendered reference shows, checked with zod so a
// change in the document's shape fails loudly instead of rendering an empty page. Also the two
// small readers the page needs: `$ref` resolution and a one-line type label for a JSON Schema;
// and the sidebar's short name of an operation.
import { z } from "zod";

const METHODS = ["get", "put", "post", "patch", "delete"] as const;

const text = z.string().optional();
const jsonSchema = z.record(z.string(), z.unknown());
const ref = z.object({ $ref: z.string() });

const operation = z.object({
  operationId: z.string(),
  summary: z.string(),
  description: text,
  tags: z.array(z.string()).default([]),
  parameters: z
    .array(
      z.object({ name: z.string(), in: z.string(), required: z.boolean().optional(), description: text, schema: jsonSchema.optional() }),
    )
    .default([]),
  requestBody: z
    .object({ required: z.boolean().optional(), content: z.record(z.string(), z.object({ schema: jsonSchema.optional() })) })
    .optional(),
  responses: z.record(
    z.string(),
    z.union([ref, z.object({ description: text, content: z.record(z.string(), z.object({ schema: jsonSchema.optional() })).optional() })]),
  ),
  "x-codeSamples": z.array(z.object({ lang: z.string(), label: z.string(), source: z.string() })).default([]),
});

const documentSchema = z.object({
  info: z.object({ title: z.string(), version: z.string(), description: text }),
  servers: z.array(z.object({ url: z.string() })).default([]),
  tags: z.array(z.object({ name: z.string(), description: text })).default([]),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z
    .object({
      schemas: z.record(z.string(), jsonSchema).default({}),
      responses: z.record(z.string(), z.object({ description: text })).default({}),
    })
    .default({ schemas: {}, responses: {} }),
});

export type Operation = z.infer<typeof operation> & { method: (typeof METHODS)[number]; path: string };
export type ReferenceDocument = Omit<z.infer<typeof documentSchema>, "paths"> & {
  /** The document's tags in its order, each with its operations in the document's order. */
  groups: { name: string; description?: string; operations: Operation[] }[];
};

export function referenceDocument(input: unknown): ReferenceDocument {
  const { paths, ...document } = documentSchema.parse(input);
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ ...operation.parse(item[method]), method, path })),
  );
  const tagOf = (op: Operation) => op.tags[0] ?? "Other";
  const groups = [...new Set([...document.tags.map((tag) => tag.name), ...operations.map(tagOf)])]
    .map((name) => ({
      name,
      description: document.tags.find((tag) => tag.name === name)?.description,
      operations: operations.filter((op) => tagOf(op) === name),
    }))
    .filter((group) => group.operations.length > 0);
  return { ...document, groups };
}

/** The name a `$ref` points at (`#/components/schemas/ApiKey` → `ApiKey`). */
const refName = (value: string) => value.slice(value.lastIndexOf("/") + 1);

/** A schema with its `$ref` followed (one level: components.schemas). */
export function resolve(document: ReferenceDocument, schema: Record<string, unknown>): Record<string, unknown> {
  return typeof schema.$ref === "string" ? (document.components.schemas[refName(schema.$ref)] ?? {}) : schema;
}

/** A short label for a JSON Schema's type: `string`, `ApiKey`, `string | null`, `"ok" | "denied"`, `Task[]`. */
export function typeLabel(schema: unknown): string {
  if (!schema || typeof schema !== "object") return "any";
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === "string") return refName(s.$ref);
  if ("const" in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((value) => JSON.stringify(value)).join(" | ");
  const union = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(union)) return union.map(typeLabel).join(" | ");
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  return (
    types
      .map((type) =>
        type === "array" ? `${typeLabel(s.items)}[]` : type === "string" && typeof s.format === "string" ? `string (${s.format})` : type,
      )
      .join(" | ") || "any"
  );
}

/** Words spelled as their owners spell them in an operation's short name. */
const SPELLINGS: Record<string, string> = { Api: "API", Github: "GitHub" };
const SHORT_NAMES: Record<string, string> = { getMe: "Who am I", getOpenApiDocument: "OpenAPI document" };

/** The sidebar's name of an operation, from its id: "listApiKeys" → "List API keys". */
export function shortName(operationId: string): string {
  if (SHORT_NAMES[operationId]) return SHORT_NAMES[operationId];
  const words = (operationId.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [operationId]).map((word, index) => {
    const capitalised = word[0]!.toUpperCase() + word.slice(1);
    if (SPELLINGS[capitalised]) return SPELLINGS[capitalised];
    return index === 0 ? capitalised : word.toLowerCase();
  });
  return words.join(" ");
}
