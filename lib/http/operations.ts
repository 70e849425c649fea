// Every operation of /api/v1, once: its route, who may call it, the zod schemas of its input
// and output, its errors, and how the SDK names it. The OpenAPI document (./openapi.ts) and the
// SDK's classes and methods (`npm run sdk:generate`) are both built from this table, so adding an
// endpoint is its route handler plus one entry here. e2e/rest/openapi.spec.ts fails when a route
// is missing; tests/sdk-generated.test.ts when the committed SDK lags behind.
import { z } from "zod";
import { apiKeyPolicyInput, apiKeyPolicySchema, revokeAllInput, revokeAllResult } from "@/lib/api-keys/policy-schemas";
import { apiKeySchema, createApiKeyInput, MAX_ACTIVE_KEYS, rollApiKeyInput, updateApiKeyInput } from "@/lib/api-keys/schemas";
import { auditPageSchema, auditQuery } from "@/lib/audit-log/schemas";
import { githubFeedbackSchema, githubReportSchema, revocationInput, revocationResult } from "@/lib/leaks/schemas";
import { createTaskInput, listTasksQuery, taskSchema, updateTaskInput } from "@/lib/tasks/schemas";
import { addressesQuery, insightsSchema, keyAddressesSchema, usageQuery, usageSchema, workspaceUsageSchema } from "@/lib/usage/schemas";
import { meSchema, selectWorkspaceInput, workspaceItemSchema } from "@/lib/workspaces/schemas";

export type Operation = {
  /** The operationId, which is also the method's name on the SDK's class (e.g. TasksApi.listTasks). */
  id: string;
  /** The method's name on the single client's resource (e.g. `one.tasks.list`); absent: not in the SDK. */
  sdk?: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  who: "user" | "user-or-key" | "anyone";
  query?: z.ZodObject;
  body?: z.ZodType;
  status: number;
  response: z.ZodType;
  errors: number[];
  /** The flat parameters (beyond the path's) of the examples in the API reference. */
  example?: Record<string, unknown>;
};

export const keyWithSecret = apiKeySchema.extend({
  secret: z.string().describe("The API key. Returned once, by this response only; store it in a secrets manager."),
});
const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

const AUTH_ERRORS = [401, 404, 429, 503];
const WS = "/workspaces/{workspaceId}";

export const API_OPERATIONS: Operation[] = [
  {
    id: "listWorkspaces",
    sdk: "list",
    method: "get",
    path: "/workspaces",
    summary: "List your workspaces with your role, and which one is current (an API key: its own workspace)",
    who: "user-or-key",
    status: 200,
    response: list(workspaceItemSchema),
    errors: [401, 429, 503],
  },
  {
    id: "getMe",
    sdk: "get",
    method: "get",
    path: "/me",
    summary: "Who the request is from: an API key with its key object (permissions, expiry), or a person with their current workspace",
    who: "user-or-key",
    status: 200,
    response: meSchema,
    errors: [401, 429, 503],
  },
  {
    id: "selectWorkspace",
    sdk: "select",
    method: "put",
    path: "/workspaces/current",
    summary: "Select the workspace `current` means for you (users only)",
    who: "user",
    body: selectWorkspaceInput,
    status: 200,
    response: workspaceItemSchema,
    errors: [401, 403, 404, 400, 413, 415, 503],
    example: { workspaceId: "WORKSPACE_ID" },
  },
  {
    id: "listApiKeys",
    sdk: "list",
    method: "get",
    path: `${WS}/api-keys`,
    summary: "List the workspace's API keys that are not revoked (active and expired), newest first",
    who: "user",
    status: 200,
    response: list(apiKeySchema).extend({ limit: z.number().int() }),
    errors: [...AUTH_ERRORS, 403],
  },
  {
    id: "createApiKey",
    sdk: "create",
    method: "post",
    path: `${WS}/api-keys`,
    summary: `Create an API key (owners and admins; at most ${MAX_ACTIVE_KEYS} active per workspace)`,
    who: "user",
    body: createApiKeyInput,
    status: 201,
    response: keyWithSecret,
    errors: [...AUTH_ERRORS, 400, 403, 409, 413, 415],
    example: { description: "ci-production" },
  },
  {
    id: "getApiKey",
    sdk: "get",
    method: "get",
    path: `${WS}/api-keys/{keyId}`,
    summary: "Get one API key (active, expired or revoked)",
    who: "user",
    status: 200,
    response: apiKeySchema,
    errors: [...AUTH_ERRORS, 403],
  },
  {
    id: "updateApiKey",
    sdk: "update",
    method: "patch",
    path: `${WS}/api-keys/{keyId}`,
    summary:
      "Change an API key's description, permissions or expiry (owners and admins); applies from the next request. A revoked key, or a new expiry for an expired key, gets 409",
    who: "user",
    body: updateApiKeyInput,
    status: 200,
    response: apiKeySchema,
    errors: [...AUTH_ERRORS, 400, 403, 409, 413, 415],
    example: { permissions: ["tasks:read"] },
  },
  {
    id: "revokeApiKey",
    sdk: "revoke",
    method: "delete",
    path: `${WS}/api-keys/{keyId}`,
    summary: "Revoke an API key (owners and admins); repeating it is harmless",
    who: "user",
    status: 200,
    response: apiKeySchema,
    errors: [...AUTH_ERRORS, 403],
  },
  {
    id: "revokeAllApiKeys",
    sdk: "revokeAll",
    method: "post",
    path: `${WS}/api-keys/revoke-all`,
    summary:
      "Revoke every key of the workspace that is not revoked yet, in one transaction (owners; confirm with the workspace's slug). The next request with any of them gets 401",
    who: "user",
    body: revokeAllInput,
    status: 200,
    response: revokeAllResult,
    errors: [...AUTH_ERRORS, 400, 403, 413, 415],
    example: { confirm: "acme" },
  },
  {
    id: "getApiKeyPolicy",
    sdk: "get",
    method: "get",
    path: `${WS}/api-key-policy`,
    summary: "The workspace's key policy (any member)",
    who: "user",
    status: 200,
    response: apiKeyPolicySchema,
    errors: [...AUTH_ERRORS, 403],
  },
  {
    id: "updateApiKeyPolicy",
    sdk: "update",
    method: "put",
    path: `${WS}/api-key-policy`,
    summary:
      "Replace the workspace's key policy, every field given (owners). Existing keys are not changed: those that break it carry policyViolations",
    who: "user",
    body: apiKeyPolicyInput,
    status: 200,
    response: apiKeyPolicySchema,
    errors: [...AUTH_ERRORS, 400, 403, 413, 415],
    example: { maxLifetimeDays: 90, defaultPermissions: ["tasks:read"], requireAllowedNetworks: false, revokeUnusedAfterDays: 180 },
  },
  {
    id: "rollApiKey",
    sdk: "roll",
    method: "post",
    path: `${WS}/api-keys/{keyId}/roll`,
    summary: "Roll an API key: a new secret for the same key; the previous one keeps working for a grace period (owners and admins)",
    who: "user",
    body: rollApiKeyInput,
    status: 200,
    response: keyWithSecret,
    errors: [...AUTH_ERRORS, 400, 403, 409, 413, 415],
    example: { previousSecretExpiresInSeconds: 3600 },
  },
  {
    id: "getApiKeyUsage",
    sdk: "usage",
    method: "get",
    path: `${WS}/api-keys/{keyId}/usage`,
    summary: "A key's requests by outcome (ok, rate limited, denied, forbidden) and permission over 24 hours, 7 or 30 days",
    who: "user",
    query: usageQuery,
    status: 200,
    response: usageSchema,
    errors: [...AUTH_ERRORS, 400, 403],
    example: { range: "7d" },
  },
  {
    id: "listApiKeyUsage",
    sdk: "usageAll",
    method: "get",
    path: `${WS}/api-keys/usage`,
    summary: "The same usage buckets for every key the list shows, in one answer",
    who: "user",
    query: usageQuery,
    status: 200,
    response: workspaceUsageSchema,
    errors: [...AUTH_ERRORS, 400, 403],
    example: { range: "24h" },
  },
  {
    id: "getApiKeyInsights",
    sdk: "insights",
    method: "get",
    path: `${WS}/api-keys/{keyId}/insights`,
    summary:
      "What a key used over the last 30 days: permissions granted, used, unused and suggested; addresses and a suggested list of networks",
    who: "user",
    status: 200,
    response: insightsSchema,
    errors: [...AUTH_ERRORS, 403],
  },
  {
    id: "listApiKeyAddresses",
    sdk: "addresses",
    method: "get",
    path: `${WS}/api-keys/{keyId}/addresses`,
    summary: "The addresses (IPv4) and IPv6 /64s a key was used from, with counts and whether its list allows each",
    who: "user",
    query: addressesQuery,
    status: 200,
    response: keyAddressesSchema,
    errors: [...AUTH_ERRORS, 400, 403],
    example: { days: 30 },
  },
  {
    id: "listAuditEvents",
    sdk: "list",
    method: "get",
    path: `${WS}/audit-events`,
    summary: "The workspace's audit log, newest first (owners and admins)",
    who: "user",
    query: auditQuery,
    status: 200,
    response: auditPageSchema,
    errors: [...AUTH_ERRORS, 400, 403],
    example: { limit: 50, action: "api_key.revoked" },
  },
  {
    id: "listTasks",
    sdk: "list",
    method: "get",
    path: `${WS}/tasks`,
    summary: "List open tasks, newest first (all=true includes done tasks)",
    who: "user-or-key",
    query: listTasksQuery,
    status: 200,
    response: list(taskSchema),
    errors: [...AUTH_ERRORS, 400, 403],
    example: { all: true },
  },
  {
    id: "createTask",
    sdk: "create",
    method: "post",
    path: `${WS}/tasks`,
    summary: "Create a task",
    who: "user-or-key",
    body: createTaskInput,
    status: 201,
    response: taskSchema,
    errors: [...AUTH_ERRORS, 400, 403, 413, 415],
    example: { title: "Ship the release notes" },
  },
  {
    id: "getTask",
    sdk: "get",
    method: "get",
    path: `${WS}/tasks/{taskId}`,
    summary: "Get a task",
    who: "user-or-key",
    status: 200,
    response: taskSchema,
    errors: [...AUTH_ERRORS, 403],
  },
  {
    id: "updateTask",
    sdk: "update",
    method: "patch",
    path: `${WS}/tasks/{taskId}`,
    summary: "Change a task's title or done state",
    who: "user-or-key",
    body: updateTaskInput,
    status: 200,
    response: taskSchema,
    errors: [...AUTH_ERRORS, 400, 403, 413, 415],
    example: { done: true },
  },
  {
    id: "listAgentActivity",
    method: "get",
    path: `${WS}/agent/activity`,
    summary: "The workspace's audit events for every member, newest first (addresses only for owners and admins; API keys get 403)",
    who: "user",
    query: auditQuery,
    status: 200,
    response: auditPageSchema,
    errors: [...AUTH_ERRORS, 400, 403],
    example: { limit: 20 },
  },
  {
    id: "reportGithubSecretScanning",
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
    id: "revokeLeakedTokens",
    method: "post",
    path: "/revocations",
    summary: "Revoke API keys whose secrets you found (no authentication); always 202 whatever matched; 60 requests an hour per address",
    who: "anyone",
    body: revocationInput,
    status: 202,
    response: revocationResult,
    errors: [400, 413, 415, 429, 503],
    example: { tokens: ["one_…"] },
  },
  {
    id: "getOpenApiDocument",
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    who: "anyone",
    status: 200,
    response: z.object({ openapi: z.string() }).loose(),
    errors: [],
  },
];
