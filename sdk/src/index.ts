// @onehorizon/sdk-js: the One REST API from JavaScript and TypeScript.
//
//   const tasks = new TasksApi(new Configuration({ accessToken: process.env.ONE_API_KEY }));
//   const { data } = await tasks.listTasks({ workspaceId: "current", all: true });
export { ApiKeysApi } from "./apis/api-keys-api.js";
export { AuditEventsApi } from "./apis/audit-events-api.js";
export { TasksApi } from "./apis/tasks-api.js";
export { WorkspacesApi } from "./apis/workspaces-api.js";
export { Configuration, DEFAULT_BASE_PATH, type ConfigurationParameters } from "./configuration.js";
export { ApiError } from "./error.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type { RetryOptions } from "./retry.js";
export type {
  ApiKey,
  ApiKeyUsage,
  ApiKeyWithSecret,
  AuditEvent,
  ErrorBody,
  PathParams,
  QueryParams,
  RequestBody,
  RequestOptions,
  Task,
  Workspace,
} from "./types.js";
