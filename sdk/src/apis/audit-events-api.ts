// The workspace's audit log: who did what, newest first. Owners and admins (users); members
// and API keys get 403.
import { BaseApi } from "../base-api.js";
import type { PathParams, QueryParams, RequestOptions } from "../types.js";

export class AuditEventsApi extends BaseApi {
  /**
   * One page of events (`limit` 1 to 100, default 50) and `nextCursor` (null on the last page:
   * pass it as `cursor` for the next one); `action` and `targetId` keep only matching events.
   */
  listAuditEvents({ workspaceId, ...query }: PathParams<"listAuditEvents"> & QueryParams<"listAuditEvents">, options: RequestOptions = {}) {
    return this.send(
      () => this.client.GET("/workspaces/{workspaceId}/audit-events", { params: { path: { workspaceId }, query }, signal: options.signal }),
      options,
    );
  }
}
