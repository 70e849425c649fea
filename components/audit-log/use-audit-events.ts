"use client";
// Pages of audit events from the REST API with the session cookie, for the workspace the page
// was rendered for. Owners and admins read `audit-events`; members, who may not, read the same
// events through `agent/activity` (without people's addresses).
import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import type { AuditPage } from "@/lib/audit-log/schemas";
import { queryKeys } from "@/lib/ui/browser/query-keys";
import { read } from "@/lib/ui/browser/rest";

export type AuditFilters = { action?: string; targetId?: string };

export function useAuditEvents(
  workspaceId: string,
  filters: AuditFilters,
  options: { via: "audit-events" | "activity"; pageSize: number; initial?: AuditPage },
) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditEvents(workspaceId, { ...filters, via: options.via }),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(options.pageSize) });
      if (filters.action) params.set("action", filters.action);
      if (filters.targetId) params.set("targetId", filters.targetId);
      if (pageParam) params.set("cursor", pageParam);
      return read.auditPage(workspaceId, options.via, params, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: options.initial
      ? ({ pages: [options.initial], pageParams: [null] } satisfies InfiniteData<AuditPage, string | null>)
      : undefined,
    staleTime: 15_000,
  });
}
