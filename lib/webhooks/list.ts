import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { isPlausibleId } from "@/lib/ids";
import { endpointNotFound } from "./errors";
import { readEndpoints } from "./read";
import type { EndpointDto } from "./schemas";

/** The workspace's webhook endpoints, newest first (owners and admins). */
export async function listWebhookEndpoints(actor: Actor): Promise<{ data: EndpointDto[] }> {
  const scope = authorize(actor, "webhooks.manage");
  return { data: await readEndpoints(scope.workspaceId, null) };
}

/** One endpoint of the caller's workspace; another workspace's is not found. */
export async function getWebhookEndpoint(actor: Actor, input: { endpointId: string }): Promise<EndpointDto> {
  const scope = authorize(actor, "webhooks.manage");
  if (!isPlausibleId(input.endpointId)) throw endpointNotFound();
  const [endpoint] = await readEndpoints(scope.workspaceId, input.endpointId);
  if (!endpoint) throw endpointNotFound();
  return endpoint;
}
