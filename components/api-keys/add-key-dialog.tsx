"use client";
// "Add key": asks for a description, an expiry (never by default) and, behind a disclosure, its
// permissions (Full access by default), creates the key, and hands the secret to the reveal
// dialog (it never enters the query cache). Under the workspace's key policy it offers only what
// the policy allows and says why: expiry choices stop at the maximum lifetime and start at it,
// permissions start at the policy's default, and allowed networks are asked for when required.
// When creating fails, the dialog stays open with what was typed and says what happened and
// whether a key was created. At the cap the button stays where it is and focusable, and its
// description says why it cannot be used.
import * as Dialog from "@radix-ui/react-dialog";
import Link from "next/link";
import { forwardRef, useId, useState } from "react";
import { descriptionSchema, DESCRIPTION_MAX } from "@/lib/api-keys/schemas";
import { textLength } from "@/lib/ui/browser/text-length";
import type { ApiKeyPolicy } from "@/lib/api-keys/policy-schemas";
import { Button } from "@/components/ui/button";
import { buttonRowClass, contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { FailureMessage } from "@/components/ui/failure-message";
import { useHandOver, type OnDone } from "@/components/ui/hand-over";
import { linkClass } from "@/components/ui/link-styles";
import { choiceLabel, defaultExpiry, expiryChoices, resolveExpiry, type ExpiryChoice } from "./expiry";
import { ExpiryDate } from "./expiry-date";
import type { Created } from "./key-changes";
import { useCreateKey } from "./mutations";
import { NetworkLinesField, networksFieldErrors, networksOf, networksProblem, parseNetworkLines } from "./network-lines";
import { choiceOf, PermissionsField, permissionsOfChoice, type PermissionsChoice } from "./permissions-field";

const POLICY_PATH = "/settings/developer/key-policy";
const PRESET_WORDS = { full: "Full access", read: "Read only", custom: "Custom" } as const;

type Props = {
  workspaceId: string;
  /** Set when a key cannot be added now: the id of the element that says why. */
  disabledReasonId: string | null;
  /** After the dialog has closed: the new key and its secret (shown once, by the caller). */
  onDone: OnDone<Created>;
  /** The trigger's text, when it is not "Add key" (e.g. "Create a replacement key" on a revoked key's page). */
  triggerLabel?: string;
  /** The workspace's key policy: what the dialog offers and starts at. */
  policy: ApiKeyPolicy;
};

function validate(value: string): string | null {
  const result = descriptionSchema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "Enter a valid description.");
}

export const AddKeyDialog = forwardRef<HTMLButtonElement, Props>(function AddKeyDialog(
  { workspaceId, disabledReasonId, onDone, triggerLabel = "Add key", policy },
  triggerRef,
) {
  const maxDays = policy.maxLifetimeDays;
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState("");
  const [expiry, setExpiry] = useState<ExpiryChoice>(defaultExpiry(maxDays));
  const [date, setDate] = useState("");
  const [access, setAccess] = useState<PermissionsChoice>(choiceOf(policy.defaultPermissions));
  const [accessOpen, setAccessOpen] = useState(false);
  const [networks, setNetworks] = useState("");
  // The expiry's message from the last submit (it depends on the clock, so it is checked then).
  const [expiryCheck, setExpiryCheck] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const handOver = useHandOver(onDone);
  const mutation = useCreateKey(workspaceId);
  const ids = {
    input: useId(),
    help: useId(),
    count: useId(),
    error: useId(),
    expiry: useId(),
    date: useId(),
    dateHelp: useId(),
    expiryError: useId(),
    accessError: useId(),
    access: useId(),
    expiryPolicy: useId(),
    networks: useId(),
    networksHelp: useId(),
    networksChecks: useId(),
    networksError: useId(),
  };

  const failure = mutation.error;
  const fieldError = (submitted ? validate(description) : null) ?? failure?.fields?.description ?? null;
  const expiryError = expiryCheck ?? failure?.fields?.expiresAt ?? null;
  // A failure that names a field is shown on that field, not again below the description.
  const chosen = permissionsOfChoice(access);
  const accessError = (submitted && "error" in chosen ? chosen.error : null) ?? failure?.fields?.permissions ?? null;
  const networkLines = parseNetworkLines(networks);
  const networksRequired = policy.requireAllowedNetworks;
  const networksProblemNow = networksRequired
    ? networksProblem(networkLines, "This workspace's key policy requires allowed networks: enter at least one address or range.")
    : null;
  const networksServerError = networksFieldErrors(failure?.fields);
  const networksError = (submitted ? networksProblemNow : null) ?? networksServerError;
  const generalFailure =
    failure && !failure.fields?.description && !failure.fields?.expiresAt && !failure.fields?.permissions && !networksServerError
      ? failure
      : null;
  const length = textLength(description);
  const over = length - DESCRIPTION_MAX;

  /** Back to an empty form, starting at what the policy (as now known) says. */
  function clear() {
    setDescription("");
    setExpiry(defaultExpiry(maxDays));
    setDate("");
    setAccess(choiceOf(policy.defaultPermissions));
    setAccessOpen(false);
    setNetworks("");
    setExpiryCheck(null);
    setSubmitted(false);
    mutation.reset();
  }

  function changeOpen(next: boolean) {
    if (mutation.isPending) return; // keep the dialog while the key is being created
    // Opening starts from the policy as it is now (it may have changed since the page loaded).
    clear();
    setOpen(next);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const resolvedNow = resolveExpiry(expiry, date, Date.now(), undefined, maxDays);
    setExpiryCheck("error" in resolvedNow ? resolvedNow.error : null);
    if ("error" in chosen) setAccessOpen(true);
    // An invalid submit takes focus to the first field that says what is wrong.
    if (validate(description)) return focusField(ids.input);
    if ("error" in resolvedNow) return focusField(expiry === "custom" ? ids.date : ids.expiry);
    if ("error" in chosen) return focusField(ids.access, "select");
    if (networksProblemNow) return focusField(ids.networks);
    mutation.mutate(
      {
        description,
        expiresAt: resolvedNow.expiresAt,
        permissions: chosen.permissions,
        ...(networksRequired ? { allowedNetworks: networksOf(networkLines) } : {}),
      },
      {
        onError: (error) => {
          if (error.fields?.description) focusField(ids.input);
          else if (error.fields?.expiresAt) focusField(expiry === "custom" ? ids.date : ids.expiry);
          else if (networksFieldErrors(error.fields)) focusField(ids.networks);
        },
        onSuccess: (created) => {
          handOver.succeeded(created);
          setOpen(false);
          clear();
        },
      },
    );
  }

  return (
    <Dialog.Root open={open} onOpenChange={changeOpen}>
      <Dialog.Trigger asChild>
        <Button
          ref={triggerRef}
          className="shrink-0"
          aria-disabled={disabledReasonId ? true : undefined}
          aria-describedby={disabledReasonId ?? undefined}
          onClick={(event) => {
            if (disabledReasonId) event.preventDefault(); // stays focusable; its description says why
          }}
        >
          {triggerLabel}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content className={contentClass} onCloseAutoFocus={handOver.onCloseAutoFocus}>
          <Dialog.Title className={titleClass}>Add API key</Dialog.Title>
          <Dialog.Description className={descriptionClass}>
            The key calls this workspace&apos;s REST API.{" "}
            {policy.defaultPermissions === null
              ? "By default it has full access; narrow it under Permissions."
              : `It starts with the workspace's default permissions (${PRESET_WORDS[choiceOf(policy.defaultPermissions).preset]}); change them under Permissions.`}
          </Dialog.Description>
          <form onSubmit={submit} noValidate className="mt-5 space-y-4">
            <div className="space-y-1.5">
              <label htmlFor={ids.input} className="block text-sm font-medium">
                Description
              </label>
              <input
                id={ids.input}
                name="description"
                value={description}
                onChange={(e) => {
                  setDescription(e.target.value);
                  if (mutation.isError) mutation.reset();
                }}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={!!fieldError}
                aria-describedby={[ids.help, ids.count, fieldError || generalFailure ? ids.error : null].filter(Boolean).join(" ")}
                className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950"
                placeholder="ci-production"
              />
              <div className="flex items-start justify-between gap-3 text-xs text-zinc-600 dark:text-zinc-400">
                <p id={ids.help}>
                  Name the service and environment that will use it, e.g. <code>ci-production</code>.
                </p>
                <p id={ids.count} className={`shrink-0 tabular-nums ${over > 0 ? "font-medium text-red-700 dark:text-red-400" : ""}`}>
                  <span aria-hidden="true">
                    {length}/{DESCRIPTION_MAX}
                  </span>
                  <span className="sr-only">
                    {over > 0 ? `${over} ${over === 1 ? "character" : "characters"} too many, ` : ""}
                    {length} of {DESCRIPTION_MAX} characters
                  </span>
                </p>
              </div>
              {/* Said once when the text goes over the limit, not on every keystroke. */}
              <p className="sr-only" aria-live="polite">
                {over > 0 ? `Over the limit of ${DESCRIPTION_MAX} characters.` : ""}
              </p>
              {fieldError ? (
                <p id={ids.error} role="alert" className="text-sm text-red-700 dark:text-red-400">
                  {fieldError}
                </p>
              ) : (
                generalFailure && <FailureMessage id={ids.error} failure={generalFailure} />
              )}
            </div>
            <div className="space-y-1.5">
              <label htmlFor={ids.expiry} className="block text-sm font-medium">
                Expiration
              </label>
              <select
                id={ids.expiry}
                name="expiry"
                value={expiry}
                onChange={(e) => {
                  setExpiry(e.target.value as ExpiryChoice);
                  setExpiryCheck(null);
                  if (mutation.isError) mutation.reset();
                }}
                aria-invalid={expiry !== "custom" && !!expiryError}
                aria-describedby={
                  [maxDays !== null ? ids.expiryPolicy : null, expiry !== "custom" && expiryError ? ids.expiryError : null]
                    .filter(Boolean)
                    .join(" ") || undefined
                }
                className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950"
              >
                {expiryChoices(maxDays).map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
              {maxDays !== null && (
                <p id={ids.expiryPolicy} className="text-xs text-zinc-600 dark:text-zinc-400">
                  This workspace&apos;s{" "}
                  <Link href={POLICY_PATH} className={linkClass}>
                    key policy
                  </Link>{" "}
                  allows keys to live at most {maxDays} days, so every key expires.
                </p>
              )}
              {expiry === "custom" && (
                <ExpiryDate
                  ids={{ input: ids.date, help: ids.dateHelp, error: ids.expiryError }}
                  value={date}
                  invalid={!!expiryError}
                  maxDays={maxDays}
                  onChange={(value) => {
                    setDate(value);
                    setExpiryCheck(null);
                    if (mutation.isError) mutation.reset();
                  }}
                />
              )}
              {expiry !== "custom" && expiry !== "never" && (
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  The key stops working {choiceLabel(expiry)} after you create it. It stays in the list, marked Expired, until you revoke
                  it.
                </p>
              )}
              {expiryError && (
                <p id={ids.expiryError} role="alert" className="text-sm text-red-700 dark:text-red-400">
                  {expiryError}
                </p>
              )}
            </div>
            <details
              id={ids.access}
              open={accessOpen}
              onToggle={(event) => setAccessOpen(event.currentTarget.open)}
              className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800"
            >
              <summary className="cursor-pointer text-sm font-medium">
                Permissions: <span className="font-normal">{PRESET_WORDS[access.preset]}</span>
              </summary>
              <div className="mt-3">
                <PermissionsField
                  value={access}
                  onChange={(next) => {
                    setAccess(next);
                    if (mutation.isError) mutation.reset();
                  }}
                  error={accessError}
                  errorId={ids.accessError}
                  legendHidden
                />
              </div>
            </details>
            {networksRequired && (
              <div className="space-y-1.5">
                <NetworkLinesField
                  ids={{ text: ids.networks, help: ids.networksHelp, checks: ids.networksChecks, error: ids.networksError }}
                  text={networks}
                  onChange={(next) => {
                    setNetworks(next);
                    if (mutation.isError) mutation.reset();
                  }}
                  error={networksError}
                  className=""
                />
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  Required by this workspace&apos;s key policy. Requests from elsewhere are refused; on the key&apos;s page you can switch
                  to report-only.
                </p>
              </div>
            )}
            <div className={buttonRowClass}>
              <Dialog.Close asChild>
                <Button variant="secondary" disabled={mutation.isPending}>
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
                {mutation.isPending ? "Creating key…" : "Create key"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
});

/** Focus a field (or the first `within` of it) once its error is rendered (it names the field through aria-describedby). */
function focusField(id: string, within?: string) {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    (within ? element?.querySelector<HTMLElement>(within) : element)?.focus();
  });
}
