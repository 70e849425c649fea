// The workspaces of the caller, and which one `current` means for a user (their sessions and
// OAuth tokens). An API key sees only its own workspace and cannot select one.
import { BaseApi } from "../base-api.js";
import type { RequestBody, RequestOptions } from "../types.js";

export class WorkspacesApi extends BaseApi {
  /** `{ data: [{ id, name, slug, role, current }] }`; `role` is null for an API key. */
  listWorkspaces(options: RequestOptions = {}) {
    return this.send(() => this.client.GET("/workspaces", { signal: options.signal }), options);
  }

  /** Makes the workspace (by id, not slug) the user's current one; resolves to its item. Not a member: 404. */
  selectWorkspace({ workspaceId }: RequestBody<"selectWorkspace">, options: RequestOptions = {}) {
    return this.send(() => this.client.PUT("/workspaces/current", { body: { workspaceId }, signal: options.signal }), options);
  }
}
