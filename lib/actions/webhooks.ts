"use server";
// The dashboard's server actions for the webhooks page: public POST endpoints like every server
// action, each building the actor for the workspace the page was rendered for and calling the same
// operation as the REST API (which checks that the person is an owner or admin).
import { sessionActorFor } from "@/lib/auth/session";
import { toActionResult } from "@/lib/ui/server/action-result";
import { createWebhookEndpoint } from "@/lib/webhooks/create";
import { retryDelivery } from "@/lib/webhooks/deliveries";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-secret";
import { sendTestEvent } from "@/lib/webhooks/send-test";
import { updateWebhookEndpoint } from "@/lib/webhooks/update";

export async function createWebhookEndpointAction(
  workspaceId: string,
  input: { url: string; description: string; events: string[] | null },
) {
  return toActionResult(async () => createWebhookEndpoint(await sessionActorFor(workspaceId), input));
}

export async function updateWebhookEndpointAction(workspaceId: string, endpointId: string, changes: { enabled?: boolean }) {
  return toActionResult(async () => updateWebhookEndpoint(await sessionActorFor(workspaceId), { endpointId, changes }));
}

export async function deleteWebhookEndpointAction(workspaceId: string, endpointId: string) {
  return toActionResult(async () => deleteWebhookEndpoint(await sessionActorFor(workspaceId), { endpointId }));
}

export async function rotateWebhookSecretAction(workspaceId: string, endpointId: string) {
  return toActionResult(async () => rotateWebhookSecret(await sessionActorFor(workspaceId), { endpointId }));
}

export async function sendWebhookTestAction(workspaceId: string, endpointId: string) {
  return toActionResult(async () => sendTestEvent(await sessionActorFor(workspaceId), { endpointId }));
}

export async function retryWebhookDeliveryAction(workspaceId: string, endpointId: string, deliveryId: string) {
  return toActionResult(async () => retryDelivery(await sessionActorFor(workspaceId), { endpointId, deliveryId }));
}
