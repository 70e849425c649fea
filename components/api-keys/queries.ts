"use client";
// Reading keys: the list and one key, server-rendered first, then kept fresh by TanStack Query
// through the REST API (lib/ui/browser/rest.ts). Failures are RequestFailures with words a person
// can act on.
import { useQuery } from "@tanstack/react-query";
import type { ApiKeyPolicy } from "@/lib/api-keys/policy-schemas";
import { queryKeys } from "@/lib/ui/browser/query-keys";
import type { RequestFailure } from "@/lib/ui/browser/request-failure";
import { read } from "@/lib/ui/browser/rest";
import type { InsightsDto, KeyAddressesDto } from "@/lib/usage/schemas";
import type { ApiKeyDto, KeyList } from "./types";

export function useKeyList(workspaceId: string, initial: KeyList) {
  return useQuery<KeyList, RequestFailure>({
    queryKey: queryKeys.apiKeys(workspaceId),
    queryFn: ({ signal }) => read.keyList(workspaceId, signal),
    initialData: initial,
    staleTime: 15_000,
  });
}

/** One key (its page): the last use moves while you look, so it is read again every 30 s. */
export function useKey(workspaceId: string, initial: ApiKeyDto) {
  return useQuery<ApiKeyDto, RequestFailure>({
    queryKey: queryKeys.apiKey(workspaceId, initial.id),
    queryFn: ({ signal }) => read.key(workspaceId, initial.id, signal),
    initialData: initial,
    staleTime: 10_000,
    refetchInterval: 30_000,
  });
}

/** What a key used over the last 30 days, and the permissions to suggest (its Permissions section). */
export function useKeyInsights(workspaceId: string, keyId: string) {
  return useQuery<InsightsDto, RequestFailure>({
    queryKey: queryKeys.insights(workspaceId, keyId),
    queryFn: ({ signal }) => read.insights(workspaceId, keyId, signal),
    staleTime: 60_000,
  });
}

/** Where a key was used from over the last `days` days (its Networks section; 7 for the enforce confirmation). */
export function useKeyAddresses(workspaceId: string, keyId: string, days: number, enabled = true) {
  return useQuery<KeyAddressesDto, RequestFailure>({
    queryKey: queryKeys.addresses(workspaceId, keyId, days),
    queryFn: ({ signal }) => read.addresses(workspaceId, keyId, days, signal),
    staleTime: 30_000,
    enabled,
  });
}

/**
 * The workspace's key policy (what the Add key dialog and the expiry editor offer), server-rendered
 * first; read again on focus, so a dialog opened later starts from the policy as it is then.
 */
export function usePolicy(workspaceId: string, initial: ApiKeyPolicy) {
  return useQuery<ApiKeyPolicy, RequestFailure>({
    queryKey: queryKeys.policy(workspaceId),
    queryFn: ({ signal }) => read.policy(workspaceId, signal),
    initialData: initial,
    staleTime: 30_000,
  });
}
