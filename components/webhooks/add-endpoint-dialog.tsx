"use client";
// Adding a webhook endpoint (owners and admins): its URL, what it is for, and which events it
// receives (every type, the default, or the ones chosen). The server checks where the URL points
// (https only; no private or internal addresses) and says why it refuses, on the field. While it
// fails the dialog stays, with what was typed. On success the dialog closes and the caller shows the
// signing secret, once. At the workspace's 10 endpoints the button is unavailable, with the reason.
import * as Dialog from "@radix-ui/react-dialog";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { queryKeys } from "@/lib/ui/browser/query-keys";
import type { RequestFailure } from "@/lib/ui/browser/request-failure";
import { mayRetry } from "@/lib/ui/browser/request-failure";
import { WEBHOOK_EVENT_TYPES, type EndpointDto } from "@/lib/webhooks/schemas";
import { Button } from "@/components/ui/button";
import { buttonRowClass, contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { FailureMessage } from "@/components/ui/failure-message";
import { useHandOver } from "@/components/ui/hand-over";
import { createEndpoint, type WithSecret } from "./endpoint-changes";

const field =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950";

type Props = {
  workspaceId: string;
  endpoints: EndpointDto[];
  /** Why adding is not possible now (the cap), or null. */
  unavailable: string | null;
  onDone: (created: WithSecret) => void;
};

export function AddEndpointDialog({ workspaceId, endpoints, unavailable, onDone }: Props) {
  const ids = { url: useId(), urlError: useId(), description: useId(), events: useId(), reason: useId() };
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const handOver = useHandOver(onDone);
  const mutation = useMutation<WithSecret, RequestFailure, void>({
    mutationFn: () =>
      createEndpoint(workspaceId, { url: url.trim(), description, events: chosen }, new Set(endpoints.map((endpoint) => endpoint.id))),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints(workspaceId) }),
  });
  const failure = mutation.error;
  const secretLost = failure?.code === "secret_lost";
  const urlError = invalid ?? failure?.fields?.url ?? null;
  const eventsError = failure?.fields?.events ?? (chosen?.length === 0 ? "Choose at least one event, or every event." : null);

  function change(next: boolean) {
    if (mutation.isPending) return;
    if (next && unavailable) return;
    setOpen(next);
    mutation.reset();
    if (next) {
      setUrl("");
      setDescription("");
      setChosen(null);
      setInvalid(null);
    }
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (!url.trim()) {
      setInvalid("Enter the URL to send events to, e.g. https://example.com/webhooks.");
      document.getElementById(ids.url)?.focus();
      return;
    }
    if (chosen?.length === 0 || secretLost) return;
    mutation.mutate(undefined, {
      onSuccess: (created) => {
        handOver.succeeded(created);
        setOpen(false);
      },
      onError: (error) => {
        if (error.fields?.url) document.getElementById(ids.url)?.focus();
      },
    });
  }

  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Trigger asChild>
        <Button aria-disabled={unavailable ? true : undefined} aria-describedby={unavailable ? ids.reason : undefined}>
          Add endpoint
        </Button>
      </Dialog.Trigger>
      {unavailable && (
        <p id={ids.reason} className="sr-only">
          {unavailable}
        </p>
      )}
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content className={contentClass} onCloseAutoFocus={handOver.onCloseAutoFocus}>
          <Dialog.Title className={titleClass}>Add webhook endpoint</Dialog.Title>
          <Dialog.Description className={descriptionClass}>
            Events about this workspace&apos;s API keys are POSTed to it as JSON, signed to the Standard Webhooks spec.
          </Dialog.Description>
          {failure && !failure.fields && <FailureMessage failure={failure} className="mt-4" />}
          <form onSubmit={submit} noValidate className="mt-4 space-y-4">
            <div>
              <label htmlFor={ids.url} className="block text-sm font-medium">
                URL
              </label>
              <input
                id={ids.url}
                type="url"
                inputMode="url"
                value={url}
                onChange={(event) => {
                  setUrl(event.target.value);
                  setInvalid(null);
                  if (mutation.isError) mutation.reset();
                }}
                placeholder="https://example.com/webhooks"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={!!urlError}
                aria-describedby={urlError ? ids.urlError : undefined}
                className={field}
              />
              {urlError && (
                <p id={ids.urlError} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
                  {urlError}
                </p>
              )}
            </div>
            <div>
              <label htmlFor={ids.description} className="block text-sm font-medium">
                Description <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
              </label>
              <input
                id={ids.description}
                value={description}
                onChange={(event) => setDescription(event.target.value)}
                placeholder="e.g. Security alerts to PagerDuty"
                autoComplete="off"
                aria-invalid={!!failure?.fields?.description}
                className={field}
              />
              {failure?.fields?.description && (
                <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
                  {failure.fields.description}
                </p>
              )}
            </div>
            <fieldset aria-describedby={eventsError ? ids.events : undefined}>
              <legend className="text-sm font-medium">Events</legend>
              <div className="mt-2 space-y-2 text-sm">
                <label className="flex items-center gap-2">
                  <input type="radio" name="events" checked={chosen === null} onChange={() => setChosen(null)} />
                  Every event, including types added later
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="events" checked={chosen !== null} onChange={() => setChosen([])} />
                  Only the events I choose
                </label>
              </div>
              {chosen !== null && (
                <div className="mt-2 grid gap-1.5 pl-6 sm:grid-cols-2">
                  {WEBHOOK_EVENT_TYPES.map((type) => (
                    <label key={type} className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        checked={chosen.includes(type)}
                        onChange={(event) => setChosen(event.target.checked ? [...chosen, type] : chosen.filter((item) => item !== type))}
                      />
                      <code className="text-xs break-all">{type}</code>
                    </label>
                  ))}
                </div>
              )}
              {eventsError && (
                <p id={ids.events} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
                  {eventsError}
                </p>
              )}
            </fieldset>
            <div className={buttonRowClass}>
              <Dialog.Close asChild>
                <Button variant="secondary" disabled={mutation.isPending}>
                  {secretLost ? "Close" : "Cancel"}
                </Button>
              </Dialog.Close>
              {/* Added without its secret: adding again would make a second endpoint. */}
              {!secretLost && (
                <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
                  {mutation.isPending ? "Adding…" : failure && !failure.fields && mayRetry(failure) ? "Try again" : "Add endpoint"}
                </Button>
              )}
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
