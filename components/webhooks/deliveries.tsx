"use client";
// An endpoint's latest deliveries (newest first, 20), refreshed every 5 seconds while shown: the
// event, its status (with the HTTP status or the error of the latest attempt), attempts, when it
// was made and when the next attempt is due; a failed or pending delivery can be retried now.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { queryKeys } from "@/lib/ui/browser/query-keys";
import type { RequestFailure } from "@/lib/ui/browser/request-failure";
import { read } from "@/lib/ui/browser/rest";
import type { DeliveryDto, EndpointDto } from "@/lib/webhooks/schemas";
import { Button } from "@/components/ui/button";
import { FailureMessage } from "@/components/ui/failure-message";
import { RelativeTime } from "@/components/ui/time";
import { retryDelivery } from "./endpoint-changes";

const STATUS: Record<DeliveryDto["status"], { label: string; className: string }> = {
  delivered: { label: "Delivered", className: "text-emerald-800 dark:text-emerald-300" },
  pending: { label: "Pending", className: "text-amber-800 dark:text-amber-300" },
  failed: { label: "Failed", className: "text-red-700 dark:text-red-400" },
};

/** The latest attempt in words: "HTTP 204 in 14 ms", or why it failed ("The connection was refused"). */
function outcome(delivery: DeliveryDto): string {
  if (delivery.attempts === 0) return "Not attempted yet";
  if (delivery.responseStatus === null) return (delivery.lastError ?? "No answer").replace(/\.$/, "");
  return `HTTP ${delivery.responseStatus}${delivery.durationMs === null ? "" : ` in ${delivery.durationMs.toLocaleString("en")} ms`}`;
}

export function Deliveries({ workspaceId, endpoint }: { workspaceId: string; endpoint: EndpointDto }) {
  const queryClient = useQueryClient();
  const deliveries = useQuery({
    queryKey: queryKeys.webhookDeliveries(workspaceId, endpoint.id),
    queryFn: ({ signal }) => read.webhookDeliveries(workspaceId, endpoint.id, signal),
    refetchInterval: 5_000,
  });
  const retry = useMutation<{ deliveryId: string }, RequestFailure, DeliveryDto>({
    mutationFn: (delivery) => retryDelivery(workspaceId, endpoint, delivery.id),
    onSuccess: () => toast.success("Retrying the delivery now."),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhookDeliveries(workspaceId, endpoint.id) }),
  });

  if (deliveries.isPending) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading deliveries…</p>;
  if (deliveries.isError)
    return (
      <div className="flex flex-wrap items-center gap-3">
        <FailureMessage failure={deliveries.error as RequestFailure} />
        <Button variant="secondary" onClick={() => void deliveries.refetch()}>
          Retry
        </Button>
      </div>
    );
  const rows = deliveries.data.data;
  if (rows.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No deliveries yet. Send a test event, or change a key: each change is delivered here within seconds.
      </p>
    );
  return (
    <div>
      {retry.error && <FailureMessage failure={retry.error} className="mb-2" />}
      <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        {rows.map((delivery) => (
          <li key={delivery.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
            <code className="min-w-0 text-xs break-all">{delivery.eventType}</code>
            <span className={`font-medium ${STATUS[delivery.status].className}`}>{STATUS[delivery.status].label}</span>
            <span className="text-zinc-600 dark:text-zinc-400">
              {outcome(delivery)} · {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"}
            </span>
            <span className="text-zinc-600 dark:text-zinc-400">
              <RelativeTime iso={delivery.createdAt} />
              {delivery.status === "pending" && delivery.nextAttemptAt && (
                <>
                  , next attempt <RelativeTime iso={delivery.nextAttemptAt} />
                </>
              )}
            </span>
            {delivery.status !== "delivered" && (
              <Button
                variant="secondary"
                className="ml-auto px-2 py-1 text-xs"
                disabled={retry.isPending}
                onClick={() => retry.mutate(delivery)}
                aria-label={`Retry now: ${delivery.eventType}`}
              >
                Retry now
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
