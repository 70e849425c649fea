// TanStack Query keys, from one place, so a change invalidates exactly what it changed.
export const queryKeys = {
  apiKeys: (workspaceId: string) => ["workspaces", workspaceId, "api-keys"] as const,
  // Under apiKeys(…): invalidating the list refreshes an open key page and its usage too.
  apiKey: (workspaceId: string, keyId: string) => ["workspaces", workspaceId, "api-keys", keyId] as const,
  usage: (workspaceId: string, keyId: string, range: string) => ["workspaces", workspaceId, "api-keys", keyId, "usage", range] as const,
  // Every listed key's usage in one answer (the list's sparklines).
  workspaceUsage: (workspaceId: string, range: string) => ["workspaces", workspaceId, "api-keys-usage", range] as const,
  insights: (workspaceId: string, keyId: string) => ["workspaces", workspaceId, "api-keys", keyId, "insights"] as const,
  // Without `days`: every window's (what a change of the key's networks invalidates).
  addresses: (workspaceId: string, keyId: string, days?: number) =>
    ["workspaces", workspaceId, "api-keys", keyId, "addresses", ...(days === undefined ? [] : [days])] as const,
  policy: (workspaceId: string) => ["workspaces", workspaceId, "api-key-policy"] as const,
  webhookEndpoints: (workspaceId: string) => ["workspaces", workspaceId, "webhook-endpoints"] as const,
  // Under webhookEndpoints(…): a change to the endpoints refreshes their deliveries too.
  webhookDeliveries: (workspaceId: string, endpointId: string) =>
    ["workspaces", workspaceId, "webhook-endpoints", endpointId, "deliveries"] as const,
  auditLog: (workspaceId: string) => ["workspaces", workspaceId, "audit-events"] as const,
  auditEvents: (workspaceId: string, filters: { action?: string; targetId?: string; via?: "audit-events" | "activity" }) =>
    ["workspaces", workspaceId, "audit-events", filters] as const,
};
