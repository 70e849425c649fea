"use client";
// One webhook endpoint: where it sends, what for, which events, whether it is enabled (and why not:
// disabled by a person, or after 5 deliveries in a row failed), its secret's hint; and what an owner
// or admin can do to it: send a test event, disable or enable it, rotate its secret, delete it, and
// look at its latest deliveries.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { toast } from "sonner";
import { queryKeys } from "@/lib/ui/browser/query-keys";
import type { RequestFailure } from "@/lib/ui/browser/request-failure";
import type { EndpointDto } from "@/lib/webhooks/schemas";
import { Button } from "@/components/ui/button";
import { FailureMessage } from "@/components/ui/failure-message";
import { RelativeTime } from "@/components/ui/time";
import { ConfirmAction } from "./confirm-action";
import { Deliveries } from "./deliveries";
import { deleteEndpoint, rotateSecret, sendTest, setEnabled, type WithSecret } from "./endpoint-changes";

const badge = "inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium";

function State({ endpoint }: { endpoint: EndpointDto }) {
  if (endpoint.enabled)
    return (
      <span
        className={`${badge} border-emerald-700 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-200`}
      >
        Enabled
      </span>
    );
  return (
    <span className={`${badge} border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-200`}>
      {endpoint.disabledReason === "failing" ? "Disabled: 5 deliveries in a row failed" : "Disabled"}
    </span>
  );
}

type Props = { workspaceId: string; endpoint: EndpointDto; onRotated: (rotated: WithSecret) => void; onDeleted: () => void };

export function EndpointCard({ workspaceId, endpoint, onRotated, onDeleted }: Props) {
  const ids = { heading: useId(), deliveries: useId() };
  const [showDeliveries, setShowDeliveries] = useState(false);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints(workspaceId) });
  const toggle = useMutation<EndpointDto, RequestFailure, boolean>({
    mutationFn: (enabled) => setEnabled(workspaceId, endpoint, enabled),
    onSuccess: (changed) =>
      toast.success(changed.enabled ? "Enabled: events are sent to it again." : "Disabled: events wait until you enable it again."),
    onSettled: refresh,
  });
  const test = useMutation<{ deliveryId: string }, RequestFailure, void>({
    mutationFn: () => sendTest(workspaceId, endpoint),
    onSuccess: () => {
      setShowDeliveries(true);
      toast.success(
        endpoint.enabled
          ? "Test event queued: it is delivered within seconds."
          : "Test event queued: it waits until the endpoint is enabled.",
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhookDeliveries(workspaceId, endpoint.id) }),
  });
  const failure = toggle.error ?? test.error;

  return (
    <li aria-labelledby={ids.heading} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1 basis-64">
          <h2 id={ids.heading} className="font-mono text-sm font-medium break-all">
            {endpoint.url}
          </h2>
          {endpoint.description && <p className="mt-1 text-sm">{endpoint.description}</p>}
          <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            <State endpoint={endpoint} />
            <span>{endpoint.events === null ? "Every event" : endpoint.events.join(", ")}</span>
            <span>
              Secret <span className="font-mono">{endpoint.secretHint}</span>
            </span>
            <span>
              Added <RelativeTime iso={endpoint.createdAt} />
            </span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" disabled={test.isPending} aria-busy={test.isPending} onClick={() => test.mutate()}>
            {test.isPending ? "Sending…" : "Send test event"}
          </Button>
          <Button
            variant="secondary"
            disabled={toggle.isPending}
            aria-busy={toggle.isPending}
            onClick={() => toggle.mutate(!endpoint.enabled)}
          >
            {endpoint.enabled ? "Disable" : "Enable"}
          </Button>
          <ConfirmAction
            trigger="Rotate secret…"
            title="Rotate the signing secret?"
            confirm="Rotate secret"
            pending="Rotating…"
            run={() => rotateSecret(workspaceId, endpoint)}
            onDone={(rotated) => {
              void refresh();
              onRotated(rotated);
            }}
          >
            <p>
              Deliveries get a new secret, shown once. The current one ({endpoint.secretHint}) also signs them for 24 hours, so your
              receiver has time to switch.
            </p>
          </ConfirmAction>
          <ConfirmAction
            trigger="Delete…"
            title="Delete this endpoint?"
            confirm="Delete endpoint"
            pending="Deleting…"
            danger
            run={() => deleteEndpoint(workspaceId, endpoint)}
            onDone={() => {
              void refresh();
              toast.success("Deleted the endpoint. No more events are sent to it.");
              onDeleted();
            }}
          >
            <p className="break-all">
              No more events are sent to <span className="font-mono">{endpoint.url}</span>, and its deliveries are deleted with it. This
              cannot be undone.
            </p>
          </ConfirmAction>
        </div>
      </div>
      {failure && <FailureMessage failure={failure} className="mt-3" />}
      <div className="mt-3">
        <Button
          variant="secondary"
          aria-expanded={showDeliveries}
          aria-controls={ids.deliveries}
          onClick={() => setShowDeliveries((shown) => !shown)}
        >
          {showDeliveries ? "Hide deliveries" : "Show deliveries"}
        </Button>
        <div id={ids.deliveries} className="mt-3 empty:hidden">
          {showDeliveries && <Deliveries workspaceId={workspaceId} endpoint={endpoint} />}
        </div>
      </div>
    </li>
  );
}
