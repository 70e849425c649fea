// The workspace's API keys. Users only (an OAuth access token); creating, renaming, rolling and
// revoking need an owner or admin, reading (and usage) any member. API keys get 403 here.
import { BaseApi } from "../base-api.js";
import type { PathParams, QueryParams, RequestBody, RequestOptions } from "../types.js";

export class ApiKeysApi extends BaseApi {
  /** Keys that are not revoked, newest first, and the workspace's cap (`limit`). */
  listApiKeys({ workspaceId }: PathParams<"listApiKeys">, options: RequestOptions = {}) {
    return this.send(
      () => this.client.GET("/workspaces/{workspaceId}/api-keys", { params: { path: { workspaceId } }, signal: options.signal }),
      options,
    );
  }

  /**
   * Resolves to the key with its `secret`: the only time the secret is returned. `expiresAt`
   * (RFC 3339, 1 hour to 366 days ahead) makes the key stop working then; omitted: never.
   */
  createApiKey({ workspaceId, ...body }: PathParams<"createApiKey"> & RequestBody<"createApiKey">, options: RequestOptions = {}) {
    return this.send(
      () => this.client.POST("/workspaces/{workspaceId}/api-keys", { params: { path: { workspaceId } }, body, signal: options.signal }),
      options,
    );
  }

  getApiKey({ workspaceId, keyId }: PathParams<"getApiKey">, options: RequestOptions = {}) {
    return this.send(
      () =>
        this.client.GET("/workspaces/{workspaceId}/api-keys/{keyId}", { params: { path: { workspaceId, keyId } }, signal: options.signal }),
      options,
    );
  }

  /** Changes the description; a revoked key gives 409. */
  updateApiKey({ workspaceId, keyId, ...body }: PathParams<"updateApiKey"> & RequestBody<"updateApiKey">, options: RequestOptions = {}) {
    return this.send(
      () =>
        this.client.PATCH("/workspaces/{workspaceId}/api-keys/{keyId}", {
          params: { path: { workspaceId, keyId } },
          body,
          signal: options.signal,
        }),
      options,
    );
  }

  /**
   * A new secret for the same key, returned once as `secret`. The previous secret keeps working
   * for at most `previousSecretExpiresInSeconds` (0 to 604800; the API's default is 86400), less
   * once the new one is in use and the old one sits idle. Revoked or expired keys give 409.
   */
  rollApiKey(
    { workspaceId, keyId, previousSecretExpiresInSeconds }: PathParams<"rollApiKey"> & Partial<RequestBody<"rollApiKey">>,
    options: RequestOptions = {},
  ) {
    const body = previousSecretExpiresInSeconds === undefined ? undefined : { previousSecretExpiresInSeconds };
    return this.send(
      () =>
        this.client.POST("/workspaces/{workspaceId}/api-keys/{keyId}/roll", {
          params: { path: { workspaceId, keyId } },
          body,
          signal: options.signal,
        }),
      options,
    );
  }

  /** Revokes at once; repeating it is harmless. */
  revokeApiKey({ workspaceId, keyId }: PathParams<"revokeApiKey">, options: RequestOptions = {}) {
    return this.send(
      () =>
        this.client.DELETE("/workspaces/{workspaceId}/api-keys/{keyId}", {
          params: { path: { workspaceId, keyId } },
          signal: options.signal,
        }),
      options,
    );
  }

  /**
   * Requests the key served, per bucket: `range` `24h` (hourly), `7d` or `30d` (daily, UTC; the
   * API's default is 24h), oldest first, with `ok`, `rateLimited` and `denied` counts and totals.
   */
  getApiKeyUsage(
    { workspaceId, keyId, range }: PathParams<"getApiKeyUsage"> & QueryParams<"getApiKeyUsage">,
    options: RequestOptions = {},
  ) {
    const query = range === undefined ? {} : { range };
    return this.send(
      () =>
        this.client.GET("/workspaces/{workspaceId}/api-keys/{keyId}/usage", {
          params: { path: { workspaceId, keyId }, query },
          signal: options.signal,
        }),
      options,
    );
  }
}
