// Names for the generated types (generated/openapi.ts, from the OpenAPI document): the shapes
// the API documents, the flat parameters of each operation, and what each method resolves to.
import type { components, operations } from "./generated/openapi.js";
import type { RateLimit } from "./rate-limit.js";

type Schemas = components["schemas"];
export type Task = Schemas["Task"];
export type ApiKey = Schemas["ApiKey"];
export type ApiKeyWithSecret = Schemas["ApiKeyWithSecret"];
export type ApiKeyUsage = Schemas["ApiKeyUsage"];
export type Workspace = Schemas["Workspace"];
export type AuditEvent = Schemas["AuditEvent"];
export type ErrorBody = Schemas["Error"];
export type WebhookEndpoint = Schemas["WebhookEndpoint"];
/** A webhook endpoint as created or rotated: with its signing secret (`whsec_…`), returned that once. */
export type WebhookEndpointWithSecret = Schemas["WebhookEndpointWithSecret"];
export type WebhookDelivery = Schemas["WebhookDelivery"];
/** A key permission id, e.g. "tasks:read". */
export type KeyPermission = NonNullable<ApiKey["permissions"]>[number];
/** Who a request is from (GET /me): an API key with its key object, or a person. */
export type Me = ResponseBody<"getMe">;
/** What a key used over the last 30 days, and the permissions to suggest. */
export type ApiKeyInsights = ResponseBody<"getApiKeyInsights">;
/** Where a key was used from: each IPv4 address or IPv6 /64 of the window, latest first. */
export type ApiKeyAddresses = ResponseBody<"listApiKeyAddresses">;

/** An operation's id: the name of its method on its class (e.g. "listTasks"). */
export type OperationId = keyof operations;

/** `{}` for a part an operation does not have (openapi-typescript writes `never` there). */
type Present<T> = [NonNullable<T>] extends [never] ? unknown : NonNullable<T>;
/** The path parameters of an operation, by operationId. */
export type PathParams<Id extends OperationId> = Present<operations[Id]["parameters"]["path"]>;
/** The query parameters of an operation, by operationId. */
export type QueryParams<Id extends OperationId> = Present<operations[Id]["parameters"]["query"]>;
/** The JSON body of an operation, by operationId. */
export type RequestBody<Id extends OperationId> =
  NonNullable<operations[Id]["requestBody"]> extends { content: { "application/json": infer Body } } ? Body : unknown;

/** Query flags the API spells "true"/"false" are booleans in the SDK. */
type Flags<Query> = { [K in keyof Query]: NonNullable<Query[K]> extends "true" | "false" ? boolean : Query[K] };
/** A method's flat parameters: path, query and body fields side by side. */
export type Params<Id extends OperationId> = PathParams<Id> & Flags<QueryParams<Id>> & RequestBody<Id>;
/** The single client's parameters: the same, with `workspaceId` optional (the client's default). */
export type ResourceParams<Id extends OperationId> = "workspaceId" extends keyof PathParams<Id>
  ? Omit<Params<Id>, "workspaceId"> & { workspaceId?: string }
  : Params<Id>;

type Json<R> = R extends { content: { "application/json": infer Body } } ? Body : never;
type Responses<Id extends OperationId> = operations[Id]["responses"];
/** The documented body of an operation's success. */
export type ResponseBody<Id extends OperationId> = {
  [S in keyof Responses<Id>]: S extends 200 | 201 | 202 ? Json<Responses<Id>[S]> : never;
}[keyof Responses<Id>];

/** What every result carries besides its body: non-enumerable, so JSON.stringify and spreads leave it out. */
export interface ResponseMeta {
  /** The workspace's rate limit after this request (answers to API keys); null when the answer had none. */
  readonly rateLimit: RateLimit | null;
  /** The HTTP answer the body came from. */
  readonly lastResponse: { status: number; headers: Headers };
}

/** What a method resolves to: the documented body, plus `rateLimit` and `lastResponse`. */
export type Result<Id extends OperationId> = ResponseBody<Id> & ResponseMeta;

export interface RequestOptions {
  /** Cancels the request (and any wait before a retry). */
  signal?: AbortSignal;
  /** This request's timeout per attempt, instead of the client's. */
  timeoutMs?: number;
}
