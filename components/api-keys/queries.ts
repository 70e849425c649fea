"use client";
// The key list and the two changes to it, as TanStack Query hooks. The list is read through
// the REST API (requests.ts); after a change, exactly this workspace's list is
// refreshed. Failures are RequestFailures with words a person can act on.
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { createKey, fetchKeyList, revokeKey, type KeyList } from "./requests";
import { queryKeys } from "@/lib/ui/query-keys";
import type { RequestFailure } from "@/lib/ui/request-failure";
import type { ApiKeyActions, ApiKeyDto } from "./types";

export function useKeyList(workspaceId: string, initial: KeyList) {
  return useQuery<KeyList, RequestFailure>({
    queryKey: queryKeys.apiKeys(workspaceId),
    queryFn: () => fetchKeyList(workspaceId),
    initialData: initial,
    staleTime: 15_000,
  });
}

function refreshList(queryClient: QueryClient, workspaceId: string) {
  return queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(workspaceId) });
}

/** A failure after which the list is known to have moved on (another tab took the last place, the key is gone…). */
const listIsStale = (failure: RequestFailure) => failure.kind === "refused" || failure.code === "secret_lost";

/** What the Add key dialog sends: `expiresAt` in RFC 3339, or null for a key that never expires. */
export type NewKey = { description: string; expiresAt: string | null };

export function useCreateKey(workspaceId: string, create: ApiKeyActions["create"]) {
  const queryClient = useQueryClient();
  return useMutation<{ key: ApiKeyDto; secret: string }, RequestFailure, NewKey>({
    mutationFn: (input) => {
      const listed = queryClient.getQueryData<KeyList>(queryKeys.apiKeys(workspaceId));
      return createKey(create, workspaceId, input, new Set(listed?.data.map((key) => key.id)));
    },
    onSuccess: ({ key }) => {
      // The new row is there at once (so focus can move to it); the refetch confirms it.
      queryClient.setQueryData<KeyList>(queryKeys.apiKeys(workspaceId), (list) =>
        list ? { ...list, data: [key, ...list.data.filter((other) => other.id !== key.id)] } : list,
      );
      void refreshList(queryClient, workspaceId);
    },
    onError: (failure) => {
      if (listIsStale(failure)) void refreshList(queryClient, workspaceId);
    },
  });
}

export function useRevokeKey(workspaceId: string, revoke: ApiKeyActions["revoke"], key: ApiKeyDto) {
  const queryClient = useQueryClient();
  return useMutation<ApiKeyDto, RequestFailure, void>({
    mutationFn: () => revokeKey(revoke, workspaceId, key),
    // Not awaited: the refreshed list no longer has this key's row, and the dialog (whose own
    // onSuccess shows the toast and moves focus) must not be unmounted before it has run.
    onSuccess: () => void refreshList(queryClient, workspaceId),
    onError: (failure) => {
      if (listIsStale(failure)) void refreshList(queryClient, workspaceId);
    },
  });
}
