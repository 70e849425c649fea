// The audit log's filters as they appear in the page's URL (?action=…&key=…). Values that are not
// a known action or an id are ignored, on the server and in the browser alike.
import { isAuditAction } from "@/lib/audit-log/labels";

/** Events per page on the audit log page. */
export const AUDIT_PAGE_SIZE = 25;

export type AuditLogFilters = { action?: string; targetId?: string };

type Params = { get(name: string): string | null };

export function parseAuditFilters(params: Params): AuditLogFilters {
  const action = params.get("action");
  const key = params.get("key");
  return {
    action: isAuditAction(action) ? action : undefined,
    targetId: key && /^[A-Za-z0-9_-]{1,64}$/.test(key) ? key : undefined,
  };
}

export function filtersQuery(filters: AuditLogFilters): string {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.targetId) params.set("key", filters.targetId);
  return params.toString();
}
