// Tasks: what API keys read and write (API keys and users).
import { BaseApi } from "../base-api.js";
import type { PathParams, RequestBody, RequestOptions } from "../types.js";

export class TasksApi extends BaseApi {
  /** Open tasks of the workspace, newest first; `all: true` includes done tasks. */
  listTasks({ workspaceId, all }: PathParams<"listTasks"> & { all?: boolean }, options: RequestOptions = {}) {
    const query = all === undefined ? {} : { all: all ? ("true" as const) : ("false" as const) };
    return this.send(
      () => this.client.GET("/workspaces/{workspaceId}/tasks", { params: { path: { workspaceId }, query }, signal: options.signal }),
      options,
    );
  }

  createTask({ workspaceId, ...body }: PathParams<"createTask"> & RequestBody<"createTask">, options: RequestOptions = {}) {
    return this.send(
      () => this.client.POST("/workspaces/{workspaceId}/tasks", { params: { path: { workspaceId } }, body, signal: options.signal }),
      options,
    );
  }

  getTask({ workspaceId, taskId }: PathParams<"getTask">, options: RequestOptions = {}) {
    return this.send(
      () =>
        this.client.GET("/workspaces/{workspaceId}/tasks/{taskId}", { params: { path: { workspaceId, taskId } }, signal: options.signal }),
      options,
    );
  }

  /** Changes the title or the done state (at least one of them). */
  updateTask({ workspaceId, taskId, ...body }: PathParams<"updateTask"> & RequestBody<"updateTask">, options: RequestOptions = {}) {
    return this.send(
      () =>
        this.client.PATCH("/workspaces/{workspaceId}/tasks/{taskId}", {
          params: { path: { workspaceId, taskId } },
          body,
          signal: options.signal,
        }),
      options,
    );
  }
}
