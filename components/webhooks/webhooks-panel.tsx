"use client";
// Settings > Developer > Webhooks: the workspace's endpoints, server-rendered first, then kept fresh
// through the REST API. Adding an endpoint or rotating its secret shows the signing secret once.
// Focus: after the secret's dialog closes, on the page's heading; after a delete, too.
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { queryKeys } from "@/lib/ui/browser/query-keys";
import { read } from "@/lib/ui/browser/rest";
import { MAX_ENDPOINTS, type EndpointDto } from "@/lib/webhooks/schemas";
import { Button } from "@/components/ui/button";
import { FailureMessage } from "@/components/ui/failure-message";
import { NowProvider } from "@/components/ui/now";
import type { RequestFailure } from "@/lib/ui/browser/request-failure";
import { AddEndpointDialog } from "./add-endpoint-dialog";
import { EndpointCard } from "./endpoint-card";
import { SecretReveal, type Revealed } from "./secret-reveal";

type Props = { workspace: { id: string; name: string }; initial: { data: EndpointDto[] }; renderedAt: number };

export function WebhooksPanel({ workspace, initial, renderedAt }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const query = useQuery({
    queryKey: queryKeys.webhookEndpoints(workspace.id),
    queryFn: ({ signal }) => read.webhookEndpoints(workspace.id, signal),
    initialData: initial,
  });
  const endpoints = query.data.data;
  const atCap = endpoints.length >= MAX_ENDPOINTS;

  return (
    <NowProvider renderedAt={renderedAt}>
      <section aria-labelledby="webhooks-heading">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h1 id="webhooks-heading" ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
            Webhooks
          </h1>
          <AddEndpointDialog
            workspaceId={workspace.id}
            endpoints={endpoints}
            unavailable={
              atCap
                ? `${workspace.name} has ${MAX_ENDPOINTS} endpoints, the most it can have. Delete one you no longer use to add another.`
                : null
            }
            onDone={(created) => setRevealed({ url: created.url, secret: created.secret, rotated: false })}
          />
        </div>
        <p className="mt-2 max-w-2xl text-zinc-600 dark:text-zinc-400">
          Tell your systems when a key of {workspace.name} is created, changed, rolled, revoked, reported as leaked or about to expire. Each
          event is POSTed to your endpoints as JSON, signed to the Standard Webhooks spec, and retried for a day when it fails.
        </p>
        <p className="mt-2 text-sm font-medium">
          {endpoints.length} of {MAX_ENDPOINTS} endpoints
        </p>
        {atCap && (
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            This workspace has {MAX_ENDPOINTS} endpoints, the most it can have. Delete one you no longer use to add another.
          </p>
        )}
        {query.isError && (
          <div role="alert" className="mt-4 flex flex-wrap items-center gap-3">
            <FailureMessage failure={query.error as RequestFailure} />
            <Button variant="secondary" onClick={() => void query.refetch()} disabled={query.isFetching}>
              Retry
            </Button>
          </div>
        )}
        {endpoints.length === 0 ? (
          <div className="mt-6 rounded-lg border border-dashed border-zinc-300 p-6 text-center sm:p-10 dark:border-zinc-700">
            <h2 className="font-medium">No endpoints yet</h2>
            <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
              Add the URL of a service that should hear about key changes: an alerting tool, a secrets inventory, your own audit trail.
            </p>
          </div>
        ) : (
          <ul className="mt-6 space-y-3">
            {endpoints.map((endpoint) => (
              <EndpointCard
                key={endpoint.id}
                workspaceId={workspace.id}
                endpoint={endpoint}
                onRotated={(rotated) => setRevealed({ url: rotated.url, secret: rotated.secret, rotated: true })}
                onDeleted={() => heading.current?.focus()}
              />
            ))}
          </ul>
        )}
        <SecretReveal revealed={revealed} onClosed={() => setRevealed(null)} returnFocus={() => heading.current?.focus()} />
      </section>
    </NowProvider>
  );
}
