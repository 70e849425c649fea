// The workspaces of the caller: `listWorkspaces` and `selectWorkspace` arrive with their
// endpoints (GET /workspaces, PUT /workspaces/current), the same way as the methods of TasksApi.
import { BaseApi } from "../base-api.js";

export class WorkspacesApi extends BaseApi {}
