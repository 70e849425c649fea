// The workspace's API keys. Users only (an OAuth access token); creating and revoking need
// an owner or admin. API keys get 403 here.
import { BaseApi } from "../base-api.js";
import type { PathParams, RequestBody, RequestOptions } from "../types.js";

export class ApiKeysApi extends BaseApi {
  /** Keys that are not revoked, newest first, and the workspace's cap (`limit`). */
  listApiKeys({ workspaceId }: PathParams<"listApiKeys">, options: RequestOptions = {}) {
    return this.send(() => this.client.GET("/workspaces/{workspaceId}/api-keys", { params: { path: { workspaceId } }, signal: options.signal }), options);
  }

  /** Resolves to the key with its `secret`: the only time the secret is returned. */
  createApiKey({ workspaceId, ...body }: PathParams<"createApiKey"> & RequestBody<"createApiKey">, options: RequestOptions = {}) {
    return this.send(() => this.client.POST("/workspaces/{workspaceId}/api-keys", { params: { path: { workspaceId } }, body, signal: options.signal }), options);
  }

  getApiKey({ workspaceId, keyId }: PathParams<"getApiKey">, options: RequestOptions = {}) {
    return this.send(() => this.client.GET("/workspaces/{workspaceId}/api-keys/{keyId}", { params: { path: { workspaceId, keyId } }, signal: options.signal }), options);
  }

  /** Revokes at once; repeating it is harmless. */
  revokeApiKey({ workspaceId, keyId }: PathParams<"revokeApiKey">, options: RequestOptions = {}) {
    return this.send(() => this.client.DELETE("/workspaces/{workspaceId}/api-keys/{keyId}", { params: { path: { workspaceId, keyId } }, signal: options.signal }), options);
  }
}
