// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas that validate the
// requests (zod's JSON Schema output is the 2020-12 dialect OpenAPI 3.1 uses). Each entry
// below names a served route; a test checks that every route file is listed here.
import { z } from "zod";
import {
  apiKeySchema,
  createApiKeyInput,
  DESCRIPTION_MAX,
  MAX_ACTIVE_KEYS,
  rollApiKeyInput,
  updateApiKeyInput,
} from "@/lib/api-keys/schemas";
import { auditEventSchema, auditPageSchema, auditQuery } from "@/lib/audit-log/schemas";
import { usageQuery, usageSchema } from "@/lib/usage/schemas";
import { githubFeedbackSchema, githubReportSchema, revocationInput, revocationResult } from "@/lib/leaks/schemas";
import { selectWorkspaceInput, workspaceItemSchema } from "@/lib/workspaces/schemas";
import { createTaskInput, listTasksQuery, taskSchema, updateTaskInput } from "@/lib/tasks/schemas";
import { HTTP_STATUS } from "./errors";
import { codeSamples, operationIdFor, TAGS, tagFor } from "./openapi-sdk";

type Who = "user" | "user-or-key" | "anyone";

type Operation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  who: Who;
  query?: z.ZodObject;
  body?: z.ZodType;
  status: number;
  response: z.ZodType;
  errors: number[];
};

const keyWithSecret = apiKeySchema.extend({
  secret: z.string().describe("The API key. Returned once, by this response only; store it in a secrets manager."),
});
const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

const AUTH_ERRORS = [401, 404, 429, 503];
const WS = "/workspaces/{workspaceId}";

export const API_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/workspaces",
    summary: "List your workspaces with your role, and which one is current (an API key: its own workspace)",
    who: "user-or-key",
    status: 200,
    response: list(workspaceItemSchema),
    errors: [401, 429, 503],
  },
  {
    method: "put",
    path: "/workspaces/current",
    summary: "Select the workspace `current` means for you (users only)",
    who: "user",
    body: selectWorkspaceInput,
    status: 200,
    response: workspaceItemSchema,
    errors: [401, 403, 404, 400, 413, 415, 503],
  },
  {
    method: "get",
    path: `${WS}/api-keys`,
    summary: "List the workspace's API keys that are not revoked (active and expired), newest first",
    who: "user",
    status: 200,
    response: list(apiKeySchema).extend({ limit: z.number().int() }),
    errors: [...AUTH_ERRORS, 403],
  },
  {
    method: "post",
    path: `${WS}/api-keys`,
    summary: `Create an API key (owners and admins; at most ${MAX_ACTIVE_KEYS} active per workspace)`,
    who: "user",
    body: createApiKeyInput,
    status: 201,
    response: keyWithSecret,
    errors: [...AUTH_ERRORS, 400, 403, 409, 413, 415],
  },
  {
    method: "get",
    path: `${WS}/api-keys/{keyId}`,
    summary: "Get one API key (active, expired or revoked)",
    who: "user",
    status: 200,
    response: apiKeySchema,
    errors: [...AUTH_ERRORS, 403],
  },
  {
    method: "patch",
    path: `${WS}/api-keys/{keyId}`,
    summary: "Rename an API key (owners and admins); a revoked key gets 409",
    who: "user",
    body: updateApiKeyInput,
    status: 200,
    response: apiKeySchema,
    errors: [...AUTH_ERRORS, 400, 403, 409, 413, 415],
  },
  {
    method: "delete",
    path: `${WS}/api-keys/{keyId}`,
    summary: "Revoke an API key (owners and admins); repeating it is harmless",
    who: "user",
    status: 200,
    response: apiKeySchema,
    errors: [...AUTH_ERRORS, 403],
  },
  {
    method: "post",
    path: `${WS}/api-keys/{keyId}/roll`,
    summary: "Roll an API key: a new secret for the same key; the previous one keeps working for a grace period (owners and admins)",
    who: "user",
    body: rollApiKeyInput,
    status: 200,
    response: keyWithSecret,
    errors: [...AUTH_ERRORS, 400, 403, 409, 413, 415],
  },
  {
    method: "get",
    path: `${WS}/api-keys/{keyId}/usage`,
    summary: "A key's requests by outcome (ok, rate limited, denied) over 24 hours, 7 or 30 days",
    who: "user",
    query: usageQuery,
    status: 200,
    response: usageSchema,
    errors: [...AUTH_ERRORS, 400, 403],
  },
  {
    method: "get",
    path: `${WS}/audit-events`,
    summary: "The workspace's audit log, newest first (owners and admins)",
    who: "user",
    query: auditQuery,
    status: 200,
    response: auditPageSchema,
    errors: [...AUTH_ERRORS, 400, 403],
  },
  {
    method: "get",
    path: `${WS}/tasks`,
    summary: "List open tasks, newest first (all=true includes done tasks)",
    who: "user-or-key",
    query: listTasksQuery,
    status: 200,
    response: list(taskSchema),
    errors: [...AUTH_ERRORS, 400],
  },
  {
    method: "post",
    path: `${WS}/tasks`,
    summary: "Create a task",
    who: "user-or-key",
    body: createTaskInput,
    status: 201,
    response: taskSchema,
    errors: [...AUTH_ERRORS, 400, 413, 415],
  },
  {
    method: "get",
    path: `${WS}/tasks/{taskId}`,
    summary: "Get a task",
    who: "user-or-key",
    status: 200,
    response: taskSchema,
    errors: AUTH_ERRORS,
  },
  {
    method: "patch",
    path: `${WS}/tasks/{taskId}`,
    summary: "Change a task's title or done state",
    who: "user-or-key",
    body: updateTaskInput,
    status: 200,
    response: taskSchema,
    errors: [...AUTH_ERRORS, 400, 413, 415],
  },
  {
    method: "get",
    path: `${WS}/agent/activity`,
    summary: "The workspace's audit events for every member, newest first (addresses only for owners and admins; API keys get 403)",
    who: "user",
    query: auditQuery,
    status: 200,
    response: auditPageSchema,
    errors: [...AUTH_ERRORS, 400, 403],
  },
  {
    method: "post",
    path: "/secret-scanning/github",
    summary:
      "GitHub secret scanning partner reports: needs GitHub's Github-Public-Key-Identifier and Github-Public-Key-Signature (ECDSA P-256 over the raw body, up to 1 MiB); revokes reported keys, answers GitHub's feedback",
    who: "anyone",
    body: githubReportSchema,
    status: 200,
    response: githubFeedbackSchema,
    errors: [400, 401, 413, 503],
  },
  {
    method: "post",
    path: "/revocations",
    summary: "Revoke API keys whose secrets you found (no authentication); always 202 whatever matched; 60 requests an hour per address",
    who: "anyone",
    body: revocationInput,
    status: 202,
    response: revocationResult,
    errors: [400, 413, 415, 429, 503],
  },
  {
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    who: "anyone",
    status: 200,
    response: z.object({ openapi: z.string() }).loose(),
    errors: [],
  },
];

const REASONS: Record<number, string> = {
  400: "The input is not valid; `fields` names each problem.",
  401: "No bearer token, or one that is malformed, unknown, revoked or expired.",
  403: "The caller may not do this (role, or an API key on a user-only endpoint).",
  404: "No such workspace for this caller, or no such item in it.",
  409: `The workspace already has ${MAX_ACTIVE_KEYS} active API keys, or the key is revoked or expired.`,
  413: "The body is too large.",
  415: "The body is not JSON.",
  429: "The workspace's rate limit is used up; see Retry-After.",
  503: "The service is briefly unavailable; see Retry-After.",
};

const errorSchema = z.object({ code: z.number().int(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });

// Named component schemas (`#/components/schemas/<name>`): the SDK's types carry these names.
const NAMED: Record<"input" | "output", Record<string, z.ZodType>> = {
  input: {
    CreateApiKeyInput: createApiKeyInput,
    UpdateApiKeyInput: updateApiKeyInput,
    RollApiKeyInput: rollApiKeyInput,
    SelectWorkspaceInput: selectWorkspaceInput,
    CreateTaskInput: createTaskInput,
    UpdateTaskInput: updateTaskInput,
  },
  output: {
    ApiKey: apiKeySchema,
    ApiKeyWithSecret: keyWithSecret,
    ApiKeyUsage: usageSchema,
    AuditEvent: auditEventSchema,
    Workspace: workspaceItemSchema,
    Task: taskSchema,
    Error: errorSchema,
  },
};
const registries = {
  input: registryOf(NAMED.input),
  output: registryOf(NAMED.output),
};
function registryOf(schemas: Record<string, z.ZodType>) {
  const registry = z.registry<{ id: string }>();
  for (const [id, type] of Object.entries(schemas)) registry.add(type, { id });
  return registry;
}

/**
 * JSON Schema of a zod type, with named schemas moved into `components` (and referenced from
 * there). Schemas inside the document inherit its dialect: each one's own "$schema" goes.
 */
const schema = (type: z.ZodType, io: "input" | "output", components: Record<string, unknown>) => {
  const json = z.toJSONSchema(type, { io, unrepresentable: "any", metadata: registries[io] }) as Record<string, unknown>;
  delete json.$schema;
  const defs = (json.$defs ?? {}) as Record<string, unknown>;
  delete json.$defs;
  const toComponents = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/'));
  for (const [name, def] of Object.entries(defs)) components[name] = toComponents(def);
  return toComponents(json);
};

const PATH_PARAMETERS: Record<string, string> = {
  workspaceId: "A workspace id, or `current`: the API key's workspace, or the user's current workspace.",
  keyId: "The API key's id.",
  taskId: "The task's id.",
};

function operationObject(op: Operation, apiBaseUrl: string, components: Record<string, unknown>) {
  const pathParameters = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    description: PATH_PARAMETERS[name!],
    schema: { type: "string" },
  }));
  const queryParameters = op.query
    ? Object.entries(op.query.shape).map(([name, field]) => ({
        name,
        in: "query",
        required: !(field as z.ZodType).safeParse(undefined).success,
        description: (field as z.ZodType).description,
        schema: schema(field as z.ZodType, "input", components),
      }))
    : [];
  return {
    summary: op.summary,
    operationId: operationIdFor(op.method, op.path),
    tags: [tagFor(op.path)],
    security: op.who === "anyone" ? [] : [{ bearer: [] }],
    ...(op.who === "user" ? { description: "Needs a user: an OAuth access token, or the session cookie for GET. API keys get 403." } : {}),
    parameters: [...pathParameters, ...queryParameters],
    ...(op.body
      ? {
          requestBody: {
            required: !op.body.safeParse({}).success,
            content: { "application/json": { schema: schema(op.body, "input", components) } },
          },
        }
      : {}),
    responses: {
      [op.status]: { description: "OK", content: { "application/json": { schema: schema(op.response, "output", components) } } },
      ...Object.fromEntries(
        [...new Set(op.errors)].sort((a, b) => a - b).map((status) => [status, { $ref: `#/components/responses/E${status}` }]),
      ),
    },
    "x-codeSamples": codeSamples({ ...op, queryNames: op.query ? Object.keys(op.query.shape) : [], hasBody: !!op.body }, apiBaseUrl),
  };
}

const RETRY_AFTER = {
  "Retry-After": { description: "Whole seconds to wait before trying again.", schema: { type: "integer", minimum: 0 } },
};

export function openApiDocument(serverUrl: string) {
  const apiBaseUrl = `${serverUrl.replace(/\/$/, "")}/api/v1`;
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op, apiBaseUrl, schemas);
  const usedStatuses = [...new Set(API_OPERATIONS.flatMap((op) => op.errors))].sort((a, b) => a - b);
  const usedTags = new Set(API_OPERATIONS.map((op) => tagFor(op.path)));
  const errorResponses = Object.fromEntries(
    usedStatuses.map((status) => [
      `E${status}`,
      {
        description: REASONS[status] ?? Object.entries(HTTP_STATUS).find(([, s]) => s === status)?.[0] ?? "Error",
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
        content: { "application/json": { schema: schema(errorSchema, "output", schemas) } },
      },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "One REST API",
      version: "1.0.0",
      license: { name: "MIT", identifier: "MIT" },
      description: `Workspace API keys and the data they give access to. Authenticate with \`Authorization: Bearer <token>\`: an API key (\`one_…\`) or an OAuth access token. API keys of one workspace share its rate limit. Descriptions of keys are 1–${DESCRIPTION_MAX} characters.`,
    },
    servers: [{ url: apiBaseUrl }],
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
