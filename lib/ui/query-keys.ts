// TanStack Query keys, from one place, so a change invalidates exactly what it changed.
export const queryKeys = {
  apiKeys: (workspaceId: string) => ["workspaces", workspaceId, "api-keys"] as const,
};
