// The webhooks page's changes, each through its server action (lib/actions/webhooks.ts) for the
// workspace the page was rendered for. A refusal becomes a RequestFailure in the dashboard's words.
// When a change gets no answer (offline, the connection dropped), the endpoints are read again so
// the person is told whether anything changed; a signing secret that was made but never arrived is
// said, with what to do (rotate it), never dropped silently.
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  retryWebhookDeliveryAction,
  rotateWebhookSecretAction,
  sendWebhookTestAction,
  updateWebhookEndpointAction,
} from "@/lib/actions/webhooks";
import { fromActionError, RequestFailure } from "@/lib/ui/browser/request-failure";
import { read } from "@/lib/ui/browser/rest";
import type { ActionResult } from "@/lib/ui/server/action-result";
import type { EndpointDto } from "@/lib/webhooks/schemas";

export type NewEndpoint = { url: string; description: string; events: string[] | null };
export type WithSecret = EndpointDto & { secret: string };

/** The endpoints as the server has them now, or null when they cannot be read either. */
const endpointsNow = (workspaceId: string) =>
  read.webhookEndpoints(workspaceId).then(
    (list) => list.data,
    () => null,
  );

/**
 * Runs an action. Without an answer, `judge` gets the endpoints as they are now (null: unreadable)
 * and returns the result it proves, or the failure to show.
 */
async function run<T>(
  action: () => Promise<ActionResult<T>>,
  consequence: string,
  judge: (now: EndpointDto[] | null) => T | RequestFailure,
  workspaceId: string,
): Promise<T> {
  let result: ActionResult<T>;
  try {
    result = await action();
  } catch {
    const judged = judge(await endpointsNow(workspaceId));
    if (judged instanceof RequestFailure) throw judged;
    return judged;
  }
  if (!result.ok) throw fromActionError(result.error, consequence);
  return result.data;
}

const unknown = (what: string, again: string) =>
  new RequestFailure("offline", `The server did not answer, so it is not known whether ${what}. Check your connection, then ${again}.`);
const dropped = (what: string) =>
  new RequestFailure("offline", `The connection to the server dropped, and ${what}. Check your connection and try again.`);

export function createEndpoint(workspaceId: string, input: NewEndpoint, knownIds: ReadonlySet<string>): Promise<WithSecret> {
  return run(
    () => createWebhookEndpointAction(workspaceId, input),
    "the endpoint was not added",
    (now) => {
      if (!now) return unknown("the endpoint was added", "look at the list before adding it again");
      const added = now.find((endpoint) => !knownIds.has(endpoint.id) && endpoint.url === input.url);
      if (!added) return dropped("the endpoint was not added");
      return new RequestFailure(
        "offline",
        `The endpoint was added, but the connection dropped before its signing secret arrived. Rotate its secret to get one you can copy.`,
        { code: "secret_lost" },
      );
    },
    workspaceId,
  );
}

export function setEnabled(workspaceId: string, endpoint: EndpointDto, enabled: boolean): Promise<EndpointDto> {
  const verb = enabled ? "enabled" : "disabled";
  return run(
    () => updateWebhookEndpointAction(workspaceId, endpoint.id, { enabled }),
    `the endpoint was not ${verb}`,
    (now) => {
      const current = now?.find((item) => item.id === endpoint.id);
      if (!now) return unknown(`the endpoint was ${verb}`, "try again: it is safe");
      if (current?.enabled === enabled) return current;
      return dropped(`the endpoint was not ${verb}`);
    },
    workspaceId,
  );
}

export function deleteEndpoint(workspaceId: string, endpoint: EndpointDto): Promise<EndpointDto> {
  return run(
    () => deleteWebhookEndpointAction(workspaceId, endpoint.id),
    "the endpoint was not deleted",
    (now) => {
      if (!now) return unknown("the endpoint was deleted", "try again: deleting twice is safe");
      if (!now.some((item) => item.id === endpoint.id)) return endpoint;
      return dropped("the endpoint was not deleted: events are still sent to it");
    },
    workspaceId,
  );
}

export function rotateSecret(workspaceId: string, endpoint: EndpointDto): Promise<WithSecret> {
  return run(
    () => rotateWebhookSecretAction(workspaceId, endpoint.id),
    "the secret was not rotated",
    (now) => {
      const current = now?.find((item) => item.id === endpoint.id);
      if (!current) return unknown("the secret was rotated", "try again");
      if (current.secretHint === endpoint.secretHint) return dropped("the secret was not rotated: the current one still signs");
      return new RequestFailure(
        "offline",
        "The secret was rotated, but the connection dropped before the new one arrived. Rotate it again to get one you can copy; the secret you use now keeps signing for 24 hours.",
        { code: "secret_lost" },
      );
    },
    workspaceId,
  );
}

export function sendTest(workspaceId: string, endpoint: EndpointDto): Promise<{ deliveryId: string }> {
  return run(
    () => sendWebhookTestAction(workspaceId, endpoint.id),
    "no test event was sent",
    () => unknown("the test event was queued", "look at the deliveries below or send another: it is harmless"),
    workspaceId,
  );
}

export function retryDelivery(workspaceId: string, endpoint: EndpointDto, deliveryId: string): Promise<{ deliveryId: string }> {
  return run(
    () => retryWebhookDeliveryAction(workspaceId, endpoint.id, deliveryId),
    "the delivery was not retried",
    () => unknown("the delivery was retried", "try again: an extra attempt is harmless, receivers deduplicate by webhook-id"),
    workspaceId,
  );
}
