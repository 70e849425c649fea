"use client";
// A key's Permissions section: what it may do now; for owners and admins the editor; and, from
// the key's own traffic over the last 30 days (GET …/insights), a suggestion: a key that held more
// than it used is offered the narrowest set in one confirmed click ("In the last 30 days this key
// only read tasks. Restrict it to Read only?"); a full-access key that served nothing is offered
// revocation. Members see the same, read only.
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useId, useState } from "react";
import { toast } from "sonner";
import { abilityOf, accessLabel } from "@/lib/api-keys/permissions";
import type { InsightsDto } from "@/lib/usage/schemas";
import { Button } from "@/components/ui/button";
import { buttonRowClass, contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { FailureMessage, SignInAgainLink } from "@/components/ui/failure-message";
import { useChangeKey } from "./mutations";
import { choiceOf, describeLevels, PermissionsField, permissionsOfChoice, type PermissionsChoice } from "./permissions-field";
import { useKeyInsights } from "./queries";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import type { Allowance, ApiKeyDto } from "./types";

type Props = { workspaceId: string; apiKey: ApiKeyDto; allowance: Allowance; onRevoked: () => void };

/** "read tasks" → "read tasks", "change tasks" → "changed tasks": what a key did, in the past tense. */
const didWords = (ids: readonly string[]) => ids.map((id) => abilityOf(id).replace(/^change /, "changed ")).join(" and ");
const canWords = (ids: readonly string[]) => ids.map(abilityOf).join(" and ");

export function KeyPermissions({ workspaceId, apiKey, allowance, onRevoked }: Props) {
  const headingId = useId();
  const insights = useKeyInsights(workspaceId, apiKey.id);
  const active = apiKey.status === "active";
  const canChange = allowance.allowed && apiKey.status !== "revoked";
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border border-zinc-200 p-4 sm:p-6 dark:border-zinc-800">
      <div>
        <h2 id={headingId} className="text-base font-semibold">
          Permissions
        </h2>
        <p className="mt-1 text-sm">
          <span className="font-medium">{accessLabel(apiKey.permissions)}</span>
          <span className="text-zinc-600 dark:text-zinc-400">
            {" "}
            · {apiKey.permissions === null ? "every permission a key can hold, now and later" : describeLevels(apiKey.permissions)}
          </span>
        </p>
      </div>

      {insights.isPending && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Reading the last 30 days of this key&apos;s traffic…</p>
      )}
      {insights.isError && (
        <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-amber-800 dark:text-amber-300">
          <p className="min-w-0 flex-1">Could not read what this key used: {insights.error.message} Its permissions are unchanged.</p>
          {insights.error.kind === "session" && <SignInAgainLink />}
        </div>
      )}
      {insights.data && active && (
        <Suggestion
          insights={insights.data}
          apiKey={apiKey}
          workspaceId={workspaceId}
          canChange={canChange}
          reason={allowance.reason}
          onRevoked={onRevoked}
        />
      )}

      {canChange && <PermissionsEditor key={JSON.stringify(apiKey.permissions)} workspaceId={workspaceId} apiKey={apiKey} />}
    </section>
  );
}

function Suggestion({
  insights,
  apiKey,
  workspaceId,
  canChange,
  reason,
  onRevoked,
}: {
  insights: InsightsDto;
  apiKey: ApiKeyDto;
  workspaceId: string;
  canChange: boolean;
  reason: string;
  onRevoked: () => void;
}) {
  const { suggested, unused, used } = insights.permissions;
  const box = "rounded-md border border-blue-300 bg-blue-50 p-3 text-sm dark:border-blue-800 dark:bg-blue-950";
  if (insights.requests === 0 && apiKey.permissions === null) {
    return (
      <div className={box}>
        <p>This key has full access and served no requests in the last 30 days. If nothing uses it any more, revoke it.</p>
        {canChange ? (
          <div className="mt-2">
            <RevokeKeyDialog apiKey={apiKey} workspaceId={workspaceId} onDone={onRevoked} triggerLabel="Revoke unused key" />
          </div>
        ) : (
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">{reason}</p>
        )}
      </div>
    );
  }
  if (!suggested || unused.length === 0) {
    if (insights.requests === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No requests in the last 30 days.</p>;
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        In the last 30 days this key used {used.length ? `everything it holds (${didWords(used)})` : "no permission"}: nothing to narrow.
      </p>
    );
  }
  const label = accessLabel(suggested);
  const lost = unused.filter((id) => !suggested.includes(id));
  return (
    <div className={box}>
      <p>
        In the last 30 days this key only {didWords(used)}. Restrict it to {label === "Custom" ? describeLevels(suggested) : label}?
      </p>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        It would no longer be able to {canWords(lost.length ? lost : unused)}; {insights.requests.toLocaleString("en")} requests in the
        window would all still have been served.
      </p>
      {canChange ? (
        <RestrictDialog
          workspaceId={workspaceId}
          apiKey={apiKey}
          suggested={suggested}
          label={label === "Custom" ? describeLevels(suggested) : label}
        />
      ) : (
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">{reason}</p>
      )}
    </div>
  );
}

/** The suggestion's one confirmed click. */
function RestrictDialog({
  workspaceId,
  apiKey,
  suggested,
  label,
}: {
  workspaceId: string;
  apiKey: ApiKeyDto;
  suggested: string[];
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const mutation = useChangeKey(workspaceId, apiKey);
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (mutation.isPending) return;
        setOpen(next);
        if (!next) mutation.reset();
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button variant="secondary" className="mt-2">
          Restrict to {label}…
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={contentClass}>
          <AlertDialog.Title className={titleClass}>
            Restrict “{apiKey.description}” to {label}?
          </AlertDialog.Title>
          <AlertDialog.Description className={descriptionClass}>
            From its next request, it can only {canWords(suggested)}. Requests that need more get 403 and name the missing permission. You
            can widen it again here at any time.
          </AlertDialog.Description>
          {mutation.error && <FailureMessage failure={mutation.error} className="mt-4" />}
          <div className={buttonRowClass}>
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={mutation.isPending}>
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <Button
              onClick={() =>
                mutation.mutate(
                  { permissions: suggested },
                  {
                    onSuccess: () => {
                      setOpen(false);
                      toast.success(`“${apiKey.description}” is now ${label}. Its next request is checked against it.`);
                    },
                  },
                )
              }
              disabled={mutation.isPending}
              aria-busy={mutation.isPending}
            >
              {mutation.isPending ? "Restricting…" : "Restrict key"}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

/** The editor: the same choices as the Add key dialog, saved with one button. */
function PermissionsEditor({ workspaceId, apiKey }: { workspaceId: string; apiKey: ApiKeyDto }) {
  const [choice, setChoice] = useState<PermissionsChoice>(() => choiceOf(apiKey.permissions));
  const [submitted, setSubmitted] = useState(false);
  const mutation = useChangeKey(workspaceId, apiKey);
  const errorId = useId();
  const chosen = permissionsOfChoice(choice);
  const unchanged = "permissions" in chosen && JSON.stringify(chosen.permissions) === JSON.stringify(apiKey.permissions);
  const error = (submitted && "error" in chosen ? chosen.error : null) ?? mutation.error?.fields?.permissions ?? null;

  function save(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if ("error" in chosen || unchanged) return;
    mutation.mutate(
      { permissions: chosen.permissions },
      { onSuccess: (changed) => toast.success(`“${changed.description}” now has ${accessLabel(changed.permissions).toLowerCase()}.`) },
    );
  }

  return (
    <form onSubmit={save} noValidate className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <PermissionsField
        value={choice}
        onChange={(next) => {
          setChoice(next);
          if (mutation.isError) mutation.reset();
        }}
        error={error}
        errorId={errorId}
        legend="Change permissions"
      />
      {mutation.error && !mutation.error.fields?.permissions && <FailureMessage failure={mutation.error} />}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={mutation.isPending || unchanged} aria-busy={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Save permissions"}
        </Button>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {unchanged ? "This is the key's current access." : "Applies from the key's next request."}
        </p>
      </div>
    </form>
  );
}
