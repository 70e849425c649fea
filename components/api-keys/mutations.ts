"use client";
// Every change to keys from the dashboard, as a TanStack Query mutation over key-changes.ts: a
// failure never escapes to the page (it is the mutation's error, shown where the person acted),
// and after a change exactly what it touched is refreshed: the key, this workspace's list, and
// the audit log.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/ui/browser/query-keys";
import type { RequestFailure } from "@/lib/ui/browser/request-failure";
import {
  changeKey,
  createKey,
  dismissExposure,
  renameKey,
  revokeKey,
  rollKey,
  SecretLost,
  type Created,
  type KeyChange,
  type RollRequest,
  type NewKey,
} from "./key-changes";
import type { ApiKeyDto, KeyList } from "./types";

function refreshList(queryClient: QueryClient, workspaceId: string) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(workspaceId), exact: true });
  void queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(workspaceId) });
}

/** The key as the server answered, at once wherever it is shown; then the list is read again. */
function keyChanged(queryClient: QueryClient, workspaceId: string, next: ApiKeyDto) {
  queryClient.setQueryData(queryKeys.apiKey(workspaceId, next.id), next);
  if (next.status !== "revoked") {
    queryClient.setQueryData<KeyList>(queryKeys.apiKeys(workspaceId), (list) =>
      list ? { ...list, data: list.data.map((key) => (key.id === next.id ? next : key)) } : list,
    );
  }
  refreshList(queryClient, workspaceId);
}

/** A failure after which what is shown is known to be out of date (another tab took the last place, a secret was lost…). */
const shownIsStale = (failure: RequestFailure) => failure.kind === "refused" || failure.code === "secret_lost";

/** What the Add key dialog sends: `expiresAt` in RFC 3339, or null for a key that never expires. */

export function useCreateKey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<Created, RequestFailure, NewKey>({
    mutationFn: (input) => {
      const listed = queryClient.getQueryData<KeyList>(queryKeys.apiKeys(workspaceId));
      return createKey(workspaceId, input, new Set(listed?.data.map((key) => key.id)));
    },
    onSuccess: ({ key }) => {
      // The new row is there at once (so focus can move to it); the refetch confirms it.
      queryClient.setQueryData<KeyList>(queryKeys.apiKeys(workspaceId), (list) =>
        list ? { ...list, data: [key, ...list.data.filter((other) => other.id !== key.id)] } : list,
      );
      refreshList(queryClient, workspaceId);
    },
    onError: (failure) => {
      if (shownIsStale(failure)) refreshList(queryClient, workspaceId);
    },
  });
}

export function useRevokeKey(workspaceId: string, key: ApiKeyDto) {
  const queryClient = useQueryClient();
  return useMutation<ApiKeyDto, RequestFailure, void>({
    mutationFn: () => revokeKey(workspaceId, key),
    // The list is read again, not awaited: the refreshed list no longer has this key's row, and
    // the dialog (whose own onSuccess closes it) must not be unmounted before it has run.
    onSuccess: (revoked) => keyChanged(queryClient, workspaceId, revoked),
    onError: (failure) => {
      if (shownIsStale(failure)) refreshList(queryClient, workspaceId);
    },
  });
}

export function useRenameKey(workspaceId: string, key: ApiKeyDto) {
  const queryClient = useQueryClient();
  return useMutation<ApiKeyDto, RequestFailure, string>({
    mutationFn: (description) => renameKey(workspaceId, key, description),
    onSuccess: (renamed) => keyChanged(queryClient, workspaceId, renamed),
    onError: (failure) => {
      if (shownIsStale(failure)) refreshList(queryClient, workspaceId);
    },
  });
}

/** Permissions or expiry; the key's insights are read again too (under the key's query key). */
export function useChangeKey(workspaceId: string, key: ApiKeyDto) {
  const queryClient = useQueryClient();
  return useMutation<ApiKeyDto, RequestFailure, KeyChange>({
    mutationFn: (change) => changeKey(workspaceId, key, change),
    onSuccess: (changed) => {
      keyChanged(queryClient, workspaceId, changed);
      void queryClient.invalidateQueries({ queryKey: queryKeys.insights(workspaceId, key.id) });
      // Each address is judged against the key's list as it is now.
      void queryClient.invalidateQueries({ queryKey: queryKeys.addresses(workspaceId, key.id) });
    },
    onError: (failure) => {
      if (shownIsStale(failure)) refreshList(queryClient, workspaceId);
    },
  });
}

export function useRollKey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<Created, RequestFailure, RollRequest>({
    mutationFn: (request) => rollKey(workspaceId, request),
    onSuccess: ({ key }) => keyChanged(queryClient, workspaceId, key),
    onError: (failure) => {
      // Rolled without its secret arriving: the key is shown as it is now (Rolling) at once.
      if (failure instanceof SecretLost) keyChanged(queryClient, workspaceId, failure.key);
      else if (shownIsStale(failure)) refreshList(queryClient, workspaceId);
    },
  });
}

export function useDismissExposure(workspaceId: string) {
  return useMutation<void, RequestFailure, { keyId: string; description: string }>({
    mutationFn: (alert) => dismissExposure(workspaceId, alert),
  });
}
