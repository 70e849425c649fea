// The OpenAPI 3.1 document of /api/v1, built from the operation table (./operations.ts) by zod's
// own JSON Schema output (`z.toJSONSchema` over a registry: the 2020-12 dialect OpenAPI 3.1
// uses, with `$ref`s to `#/components/schemas/…` for the named schemas). This file only places
// those schemas into paths, parameters and responses.
import { z } from "zod";
import { apiKeyPolicySchema } from "@/lib/api-keys/policy-schemas";
import { apiKeySchema, createApiKeyInput, DESCRIPTION_MAX, rollApiKeyInput, updateApiKeyInput } from "@/lib/api-keys/schemas";
import { auditEventSchema } from "@/lib/audit-log/schemas";
import { CONFLICT_REASONS } from "@/lib/errors";
import { createTaskInput, taskSchema, updateTaskInput } from "@/lib/tasks/schemas";
import { usageSchema } from "@/lib/usage/schemas";
import { createEndpointInput, deliverySchema, endpointSchema, endpointWithSecret, updateEndpointInput } from "@/lib/webhooks/schemas";
import { selectWorkspaceInput, workspaceItemSchema } from "@/lib/workspaces/schemas";
import { HTTP_STATUS } from "./errors";
import { codeSamples, TAGS, tagFor } from "./openapi-sdk";
import { API_OPERATIONS, keyWithSecret, type Operation } from "./operations";

type Io = "input" | "output";
type JsonSchema = Record<string, unknown>;

const errorSchema = z.object({
  code: z.number().int().describe("The HTTP status."),
  message: z.string().describe("What went wrong, as a sentence a person can act on."),
  fields: z.record(z.string(), z.string()).optional().describe("On a 400: a message per invalid field."),
});
const conflictSchema = errorSchema.extend({
  reason: z
    .enum(CONFLICT_REASONS)
    .describe("Which conflict: the key cap is reached, the key is revoked or expired, or the cap of webhook endpoints is reached."),
});

// Named component schemas (`#/components/schemas/<name>`): the SDK's types carry these names.
const NAMED: Record<Io, Record<string, z.ZodType>> = {
  input: {
    CreateApiKeyInput: createApiKeyInput,
    UpdateApiKeyInput: updateApiKeyInput,
    RollApiKeyInput: rollApiKeyInput,
    SelectWorkspaceInput: selectWorkspaceInput,
    CreateTaskInput: createTaskInput,
    UpdateTaskInput: updateTaskInput,
    CreateWebhookEndpointInput: createEndpointInput,
    UpdateWebhookEndpointInput: updateEndpointInput,
  },
  output: {
    ApiKey: apiKeySchema,
    ApiKeyWithSecret: keyWithSecret,
    ApiKeyUsage: usageSchema,
    ApiKeyPolicy: apiKeyPolicySchema,
    AuditEvent: auditEventSchema,
    Workspace: workspaceItemSchema,
    Task: taskSchema,
    WebhookEndpoint: endpointSchema,
    WebhookEndpointWithSecret: endpointWithSecret,
    WebhookDelivery: deliverySchema,
    Error: errorSchema,
    ConflictError: conflictSchema,
  },
};

const REASONS: Record<number, string> = {
  400: "The input is not valid; `fields` names each problem.",
  401: "No bearer token, or one that is malformed, unknown, revoked or expired.",
  403: "The caller may not do this (role, or an API key on a user-only endpoint).",
  404: "No such workspace for this caller, or no such item in it.",
  409: "The request conflicts with the key's or workspace's state; `reason` says which: `key_limit_reached`, `key_revoked`, `key_expired` or `endpoint_limit_reached`.",
  413: "The body is too large.",
  415: "The body is not JSON.",
  429: "The workspace's rate limit is used up; see Retry-After.",
  500: "Something went wrong on our side; the body never says more.",
  503: "The service is briefly unavailable; see Retry-After.",
};

const PATH_PARAMETERS: Record<string, string> = {
  workspaceId: "A workspace id, or `current`: the API key's workspace, or the user's current workspace.",
  keyId: "The API key's id.",
  taskId: "The task's id.",
  endpointId: "The webhook endpoint's id.",
  deliveryId: "The delivery's id.",
};

/** int32 when the bounds fit in it; zod's `.int()` allows any safe integer, which is int64's range. */
const integerFormat = ({ minimum, maximum }: { minimum?: number; maximum?: number }) =>
  minimum !== undefined && maximum !== undefined && minimum >= -(2 ** 31) && maximum < 2 ** 31 ? "int32" : "int64";

// Ids in URLs: anything else is simply not found (lib/ids.ts); `current` fits the pattern.
const ID_SCHEMA = { type: "string", maxLength: 64, pattern: "^[A-Za-z0-9_-]{1,64}$" };

// Sent on every answer to an API key, 429 or not (lib/rate-limit/headers.ts); people's tokens
// and the unauthenticated endpoints are not counted, so their answers have none.
const RATE_LIMIT_HEADERS = {
  RateLimit: {
    description:
      'API keys only: per policy, requests left and seconds until its window ends, e.g. `"burst";r=12;t=34, "quota";r=150;t=500`.',
    schema: { type: "string", maxLength: 200 },
  },
  "RateLimit-Policy": {
    description:
      'API keys only: the workspace\'s policies, requests per window and its length, e.g. `"burst";q=40;w=60, "quota";q=200;w=900`.',
    schema: { type: "string", maxLength: 200 },
  },
};

const queryFields = (op: Operation) => Object.entries(op.query?.shape ?? {}) as [string, z.ZodType][];

/**
 * The JSON Schemas of one side (request or response) of the whole API, from one z.toJSONSchema
 * call over a registry: the named schemas under their names, every other schema the operations
 * use under a temporary name, taken out again and inlined where it is used. zod keeps `.describe()`
 * texts in its global registry, so the override copies them onto the output.
 */
function convert(io: Io, used: z.ZodType[]) {
  const registry = z.registry<{ id: string }>();
  for (const [id, type] of Object.entries(NAMED[io])) registry.add(type, { id });
  const inline = new Map<z.ZodType, string>();
  for (const type of used) {
    if (registry.has(type)) continue;
    inline.set(type, `inline-${io}-${inline.size}`);
    registry.add(type, { id: inline.get(type)! });
  }
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ zodSchema, jsonSchema }) => {
      const description = z.globalRegistry.get(zodSchema)?.description;
      if (description && !jsonSchema.description) jsonSchema.description = description;
      if (jsonSchema.type === "integer" && !jsonSchema.format) jsonSchema.format = integerFormat(jsonSchema);
    },
  }) as unknown as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  const components = Object.fromEntries(Object.entries(schemas).filter(([id]) => id in NAMED[io]));
  const of = (type: z.ZodType): JsonSchema => {
    const id = inline.get(type);
    return id ? schemas[id]! : { $ref: `#/components/schemas/${registry.get(type)!.id}` };
  };
  return { components, of };
}

function operationObject(op: Operation, apiBaseUrl: string, input: ReturnType<typeof convert>, output: ReturnType<typeof convert>) {
  const pathParameters = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    description: PATH_PARAMETERS[name!],
    schema: ID_SCHEMA,
  }));
  const queryParameters = queryFields(op).map(([name, field]) => ({
    name,
    in: "query",
    required: !field.safeParse(undefined).success,
    description: field.description,
    schema: input.of(field),
  }));
  return {
    summary: op.summary,
    operationId: op.id,
    tags: [tagFor(op.path)],
    security: op.who === "anyone" ? [] : [{ bearer: [] }],
    ...(op.who === "user" ? { description: "Needs a user: an OAuth access token, or the session cookie for GET. API keys get 403." } : {}),
    parameters: [...pathParameters, ...queryParameters],
    ...(op.body
      ? {
          requestBody: {
            required: !op.body.safeParse({}).success,
            content: { "application/json": { schema: input.of(op.body) } },
          },
        }
      : {}),
    responses: {
      [op.status]: {
        description: "OK",
        ...(op.who === "anyone" ? {} : { headers: RATE_LIMIT_HEADERS }),
        content: { "application/json": { schema: output.of(op.response) } },
      },
      ...Object.fromEntries(errorsOf(op).map((status) => [status, { $ref: `#/components/responses/E${status}` }])),
    },
    "x-codeSamples": codeSamples(op, apiBaseUrl),
  };
}

const RETRY_AFTER = {
  "Retry-After": {
    description: "Whole seconds to wait before trying again.",
    schema: { type: "integer", format: "int32", minimum: 0, maximum: 2 ** 31 - 1 },
  },
};

/** An operation's error statuses, in order; any request can meet a bug (500). */
const errorsOf = (op: Operation) => [...new Set([...op.errors, 500])].sort((a, b) => a - b);

export function openApiDocument(serverUrl: string) {
  const apiBaseUrl = `${serverUrl.replace(/\/$/, "")}/api/v1`;
  const input = convert("input", [
    ...API_OPERATIONS.flatMap((op) => [...(op.body ? [op.body] : []), ...queryFields(op).map(([, f]) => f)]),
  ]);
  const output = convert(
    "output",
    API_OPERATIONS.map((op) => op.response),
  );
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op, apiBaseUrl, input, output);
  const usedStatuses = [...new Set(API_OPERATIONS.flatMap(errorsOf))].sort((a, b) => a - b);
  const usedTags = new Set(API_OPERATIONS.map((op) => tagFor(op.path)));
  const errorResponses = Object.fromEntries(
    usedStatuses.map((status) => [
      `E${status}`,
      {
        description: REASONS[status] ?? Object.entries(HTTP_STATUS).find(([, s]) => s === status)?.[0] ?? "Error",
        headers: { ...RATE_LIMIT_HEADERS, ...(status === 429 || status === 503 ? RETRY_AFTER : {}) },
        content: { "application/json": { schema: output.of(status === 409 ? conflictSchema : errorSchema) } },
      },
    ]),
  );
  const schemas = { ...input.components, ...output.components };
  return {
    openapi: "3.1.0",
    info: {
      title: "One REST API",
      version: "1.0.0",
      license: { name: "MIT", identifier: "MIT" },
      description: `Workspace API keys and the data they give access to. Authenticate with \`Authorization: Bearer <token>\`: an API key (\`one_…\`) or an OAuth access token. API keys of one workspace share its rate limit. Descriptions of keys are 1–${DESCRIPTION_MAX} characters.`,
    },
    servers: [{ url: apiBaseUrl, "x-internal": false }],
    tags: TAGS.filter((tag) => usedTags.has(tag.name)).map(({ name, description }) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key (one_…, for tasks) or an OAuth access token (JWT) of a user." },
      },
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      responses: errorResponses,
    },
  };
}
