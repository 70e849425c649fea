"use client";
// On a key's page: a secret of this key was reported as leaked (by GitHub secret scanning, or
// through the public revocation endpoint): which secret, when, where, what it did and what to
// do next. A reported current secret revoked the key: the next step is a replacement key (the
// `replace` slot: a button that opens Add key). A reported previous secret only retired: the key
// still works with its current secret.
import type { ReactNode } from "react";
import { reportedBy, reportedSecret } from "@/lib/leaks/sources";
import { DateTime } from "@/components/ui/time";
import type { ApiKeyDto } from "./types";

type Props = {
  apiKey: ApiKeyDto & { exposure: NonNullable<ApiKeyDto["exposure"]> };
  /** Whether this person may create keys (owners and admins); others are told whom to ask. */
  canReplace: boolean;
  /** The control that opens Add key, shown when the key was revoked and the person may add keys. */
  replace: ReactNode;
};

const clean = "remove the secret from where it was found (and from the history there).";

export function LeakNotice({ apiKey: key, canReplace, replace }: Props) {
  const { exposure } = key;
  const current = reportedSecret(key) === "current";
  const revoked = key.status === "revoked";
  return (
    <section
      aria-labelledby="leak-notice-heading"
      className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <h2 id="leak-notice-heading" className="font-medium">
        {current
          ? "This key's secret was reported as leaked, and the key was revoked"
          : "A previous secret of this key was reported as leaked"}
      </h2>
      <p className="mt-1 break-words">
        Reported {reportedBy(exposure.source)} <DateTime iso={exposure.reportedAt} />
        {exposure.url && (
          <>
            {" "}
            at <span className="break-all">{exposure.url}</span>
          </>
        )}
        .
      </p>
      <p className="mt-1">
        {current
          ? "It was the key's current secret: the key was revoked at once, and requests with it get 401."
          : revoked
            ? "It was the secret the key had before a roll, and it was retired at once. The key has since been revoked."
            : `It was the secret the key had before a roll, and it was retired at once. The key still works with its current secret ${key.hint}.`}
      </p>
      <p className="mt-1">
        <strong>Next step: </strong>
        {revoked
          ? canReplace
            ? `create a replacement key, give it to the service that used this one, and ${clean}`
            : `ask a workspace owner or admin to create a replacement key for the service that used this one, and ${clean}`
          : `if the current secret may have been exposed too, ${canReplace ? "roll the key" : "ask a workspace owner or admin to roll the key"}. Either way, ${clean}`}
      </p>
      {revoked && canReplace && <div className="mt-3">{replace}</div>}
    </section>
  );
}
