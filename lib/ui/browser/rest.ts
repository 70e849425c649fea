// Reading the REST API from the dashboard's client components: one reader per resource, all
// through one GET. Same-origin GETs carry the session cookie, so no token is needed. Paths always
// name the workspace the page was rendered for, never `current`, so a tab opened before a
// workspace switch keeps reading its own. Failures are RequestFailures: `offline` when the server
// cannot be reached, `session` on 401, `refused` with the server's message.
import type { ApiKeyPolicy } from "@/lib/api-keys/policy-schemas";
import type { ApiKeyDto } from "@/lib/api-keys/schemas";
import type { AuditPage } from "@/lib/audit-log/schemas";
import type { InsightsDto, KeyAddressesDto, UsageDto, WorkspaceUsageDto } from "@/lib/usage/schemas";
import type { DeliveryDto, EndpointDto } from "@/lib/webhooks/schemas";
import { GENERIC_FAILURE, RequestFailure, sessionEnded } from "./request-failure";

export type KeyList = { data: ApiKeyDto[]; limit: number };

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { headers: { Accept: "application/json" }, cache: "no-store", signal });
  } catch (error) {
    if (signal?.aborted) throw error; // TanStack Query cancelled it: not a failure to show
    throw new RequestFailure("offline", "The server cannot be reached. Check your connection.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && body !== null) return body as T;
  if (response.status === 401) throw sessionEnded("nothing could be loaded");
  const message = (body as { message?: unknown } | null)?.message;
  throw new RequestFailure("refused", typeof message === "string" ? message : GENERIC_FAILURE, { code: String(response.status) });
}

const workspace = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const apiKey = (workspaceId: string, keyId: string) => `${workspace(workspaceId)}/api-keys/${encodeURIComponent(keyId)}`;

/** The dashboard's REST reads, one per resource. */
export const read = {
  keyList: (workspaceId: string, signal?: AbortSignal) => getJson<KeyList>(`${workspace(workspaceId)}/api-keys`, signal),
  key: (workspaceId: string, keyId: string, signal?: AbortSignal) => getJson<ApiKeyDto>(apiKey(workspaceId, keyId), signal),
  usage: (workspaceId: string, keyId: string, range: UsageDto["range"], signal?: AbortSignal) =>
    getJson<UsageDto>(`${apiKey(workspaceId, keyId)}/usage?range=${range}`, signal),
  workspaceUsage: (workspaceId: string, range: UsageDto["range"], signal?: AbortSignal) =>
    getJson<WorkspaceUsageDto>(`${workspace(workspaceId)}/api-keys/usage?range=${range}`, signal),
  insights: (workspaceId: string, keyId: string, signal?: AbortSignal) =>
    getJson<InsightsDto>(`${apiKey(workspaceId, keyId)}/insights`, signal),
  /** Where a key was used from over the last `days` whole UTC days. */
  addresses: (workspaceId: string, keyId: string, days: number, signal?: AbortSignal) =>
    getJson<KeyAddressesDto>(`${apiKey(workspaceId, keyId)}/addresses?days=${days}`, signal),
  policy: (workspaceId: string, signal?: AbortSignal) => getJson<ApiKeyPolicy>(`${workspace(workspaceId)}/api-key-policy`, signal),
  /** Owners and admins read `audit-events`; members the same events through `agent/activity`. */
  auditPage: (workspaceId: string, via: "audit-events" | "activity", params: URLSearchParams, signal?: AbortSignal) =>
    getJson<AuditPage>(`${workspace(workspaceId)}${via === "audit-events" ? "/audit-events" : "/agent/activity"}?${params}`, signal),
  webhookEndpoints: (workspaceId: string, signal?: AbortSignal) =>
    getJson<{ data: EndpointDto[] }>(`${workspace(workspaceId)}/webhook-endpoints`, signal),
  /** The endpoint's latest deliveries, newest first. */
  webhookDeliveries: (workspaceId: string, endpointId: string, signal?: AbortSignal) =>
    getJson<{ data: DeliveryDto[]; nextCursor: string | null }>(
      `${workspace(workspaceId)}/webhook-endpoints/${encodeURIComponent(endpointId)}/deliveries?limit=20`,
      signal,
    ),
};
