"use client";
// The alert on the API keys page (right after its heading) about keys found in public (GitHub
// secret scanning, or someone who used the public revocation endpoint) in the last 30 days: which
// key (a link to its page), which of its secrets, where it was found, what was done
// automatically, and what to do next: a revoked key's next step is a replacement (a button that
// opens Add key); a key whose previous secret was reported still works with its current one. Each person dismisses it for
// themselves (stored on the server, so it stays dismissed on every device). When dismissing
// fails, the entry stays and says what happened and whether it was dismissed.
import Link from "next/link";
import { useState } from "react";
import type { ExposureAlert as Exposure } from "@/lib/leaks/schemas";
import { reportedBy } from "@/lib/leaks/sources";
import { mayRetry } from "@/lib/ui/browser/request-failure";
import { Button } from "@/components/ui/button";
import { FailureMessage } from "@/components/ui/failure-message";
import { keyHref, linkClass } from "@/components/ui/link-styles";
import { RelativeTime } from "@/components/ui/time";
import { useDismissExposure } from "./mutations";

type Props = {
  alerts: Exposure[];
  /** The workspace the page was rendered for: the dismissal is for its key. */
  workspaceId: string;
  /** Whether this person may add keys (owners and admins); others are told whom to ask. */
  canReplace: boolean;
  /** Opens Add key (for a revoked key's replacement). */
  onCreateReplacement: () => void;
};

const isLinkable = (url: string) => /^https?:\/\//i.test(url);

export function ExposureAlert({ alerts, workspaceId, canReplace, onCreateReplacement }: Props) {
  const [dismissed, setDismissed] = useState<string[]>([]);
  const mutation = useDismissExposure(workspaceId);
  const shown = alerts.filter((alert) => !dismissed.includes(alert.keyId));
  if (shown.length === 0) return null;
  const pending = mutation.isPending ? mutation.variables?.keyId : null;
  const failed = mutation.error ? { keyId: mutation.variables?.keyId, failure: mutation.error } : null;

  const retry = (alert: Exposure) => failed?.keyId === alert.keyId && mayRetry(failed.failure);

  function onDismiss(alert: Exposure) {
    mutation.mutate(
      { keyId: alert.keyId, description: alert.description },
      {
        onSuccess: () => {
          const index = shown.findIndex((other) => other.keyId === alert.keyId);
          setDismissed((keys) => [...keys, alert.keyId]);
          mutation.reset();
          // Keep keyboard focus in the alert (the next entry), or hand it to the page's heading.
          const next = shown[index + 1] ?? shown[index - 1];
          requestAnimationFrame(() => {
            const target = next ? document.getElementById(`exposure-${next.keyId}`) : document.getElementById("api-keys-heading");
            target?.focus();
          });
        },
      },
    );
  }

  const heading =
    shown.length === 1
      ? shown[0]!.outcome === "revoked"
        ? "An API key was found in public and revoked"
        : "A previous secret of an API key was found in public"
      : `${shown.length} API keys were found in public`;

  return (
    <section
      aria-labelledby="exposure-alert-heading"
      className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-950 sm:p-5 dark:border-red-500 dark:bg-red-950 dark:text-red-50"
    >
      <h2 id="exposure-alert-heading" className="flex items-center gap-2 text-lg font-semibold">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 shrink-0 fill-current">
          <path d="M10 1.5 19 18H1L10 1.5Zm-1 6v5h2v-5H9Zm0 6.5v2h2v-2H9Z" />
        </svg>
        {heading}
      </h2>
      <ul className="mt-3 space-y-4">
        {shown.map((alert) => (
          <li
            key={alert.keyId}
            id={`exposure-${alert.keyId}`}
            tabIndex={-1}
            aria-labelledby={`exposure-${alert.keyId}-title`}
            className="rounded-md border border-red-200 bg-white p-3 text-sm text-zinc-900 focus:outline-2 focus:outline-blue-600 dark:border-red-900 dark:bg-zinc-950 dark:text-zinc-100"
          >
            <p id={`exposure-${alert.keyId}-title`} className="font-medium break-words">
              <Link href={keyHref(alert.keyId)} className={`${linkClass} whitespace-pre-wrap`}>
                {alert.description}
              </Link>{" "}
              <span className="font-mono text-xs font-normal text-zinc-600 dark:text-zinc-400">({alert.hint})</span>
            </p>
            <p className="mt-1 break-words">
              Reported {reportedBy(alert.source)} <RelativeTime iso={alert.reportedAt} />
              {alert.url && isLinkable(alert.url) ? (
                <>
                  {" at "}
                  <a
                    href={alert.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="font-medium break-all text-blue-700 underline dark:text-blue-400"
                  >
                    {alert.url}
                    <span className="sr-only"> (opens in a new tab)</span>
                  </a>
                </>
              ) : null}
              .
            </p>
            <p className="mt-1">{whatHappened(alert)}</p>
            <p className="mt-1">
              <strong>Next step: </strong>
              {nextStep(alert, canReplace)}
            </p>
            {failed?.keyId === alert.keyId && <FailureMessage failure={failed.failure} className="mt-3" />}
            <div className="mt-3 flex flex-wrap items-center gap-3">
              {canReplace && (alert.outcome === "revoked" || alert.keyRevoked) && (
                <Button onClick={onCreateReplacement}>
                  Create a replacement key<span className="sr-only"> for {alert.description}</span>
                </Button>
              )}
              <Button variant="secondary" disabled={pending === alert.keyId} onClick={() => onDismiss(alert)}>
                {pending === alert.keyId ? "Dismissing…" : retry(alert) ? "Try again" : "Dismiss"}
                <span className="sr-only">
                  {retry(alert) ? " to dismiss" : ""} the alert about {alert.description}
                </span>
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs">Dismissing hides an alert for you only; it disappears for everyone 30 days after the report.</p>
    </section>
  );
}

function whatHappened(alert: Exposure): string {
  if (alert.outcome === "revoked")
    return "It was the key's current secret: the key was revoked automatically, and requests with it now get 401.";
  const still = alert.keyRevoked ? "The key has since been revoked." : "The key still works with its current secret.";
  return `It was the secret the key had before a roll, and it was retired automatically. ${still}`;
}

function nextStep(alert: Exposure, canReplace: boolean): string {
  const clean = "remove the secret from where it was found (and from the history there).";
  if (alert.outcome === "revoked" || alert.keyRevoked) {
    return canReplace
      ? `create a replacement key, give it to the service that used this one, and ${clean}`
      : `ask a workspace owner or admin to create a replacement key for the service that used this one, and ${clean}`;
  }
  const roll = canReplace ? "roll the key" : "ask a workspace owner or admin to roll the key";
  return `if the current secret may have been exposed too, ${roll}. Either way, ${clean}`;
}
