// The workspace's audit log: `listAuditEvents` arrives with its endpoint
// (GET /workspaces/{workspaceId}/audit-events), the same way as the methods of TasksApi.
import { BaseApi } from "../base-api.js";

export class AuditEventsApi extends BaseApi {}
