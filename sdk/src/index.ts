// @onehorizon/sdk-js: the One REST API from JavaScript and TypeScript.
//
//   const one = new One({ apiKey: process.env.ONE_API_KEY });
//   const { data } = await one.tasks.list({ all: true });
//
// or, one class per section of the API reference:
//
//   const tasks = new TasksApi(new Configuration({ accessToken: process.env.ONE_API_KEY }));
//   const { data } = await tasks.listTasks({ workspaceId: "current", all: true });
export {
  ApiKeysApi,
  ApiKeysResource,
  AuditEventsApi,
  AuditEventsResource,
  MeApi,
  MeResource,
  One,
  TasksApi,
  TasksResource,
  WebhookEndpointsApi,
  WebhookEndpointsResource,
  WorkspacesApi,
  WorkspacesResource,
} from "./generated/apis.js";
export { Configuration, DEFAULT_BASE_PATH, DEFAULT_TIMEOUT_MS, type ConfigurationParameters } from "./configuration.js";
export { ApiError, type ConflictReason } from "./error.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type { OneOptions } from "./one-client.js";
export { PagePromise } from "./pagination.js";
export type { RateLimit, RateLimitPolicy } from "./rate-limit.js";
export type { RetryOptions } from "./retry.js";
export type {
  ApiKey,
  ApiKeyAddresses,
  ApiKeyInsights,
  ApiKeyUsage,
  ApiKeyWithSecret,
  AuditEvent,
  ErrorBody,
  Me,
  KeyPermission,
  OperationId,
  Params,
  PathParams,
  QueryParams,
  RequestBody,
  RequestOptions,
  ResourceParams,
  ResponseBody,
  ResponseMeta,
  Result,
  Task,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  Workspace,
} from "./types.js";
