// Names for the generated types (generated/openapi.ts, from the OpenAPI document): the shapes
// the API documents, and the flat parameters of each operation.
import type { components, operations } from "./generated/openapi.js";

type Schemas = components["schemas"];
export type Task = Schemas["Task"];
export type ApiKey = Schemas["ApiKey"];
export type ApiKeyWithSecret = Schemas["ApiKeyWithSecret"];
export type ApiKeyUsage = Schemas["ApiKeyUsage"];
export type Workspace = Schemas["Workspace"];
export type AuditEvent = Schemas["AuditEvent"];
export type ErrorBody = Schemas["Error"];

/** The path parameters of an operation, by operationId. */
export type PathParams<Id extends keyof operations> = operations[Id]["parameters"]["path"];
/** The JSON body of an operation, by operationId. */
export type RequestBody<Id extends keyof operations> =
  NonNullable<operations[Id]["requestBody"]> extends { content: { "application/json": infer Body } } ? Body : never;
/** The query parameters of an operation, by operationId. */
export type QueryParams<Id extends keyof operations> = NonNullable<operations[Id]["parameters"]["query"]>;

export interface RequestOptions {
  /** Cancels the request (and any wait before a retry). */
  signal?: AbortSignal;
}
