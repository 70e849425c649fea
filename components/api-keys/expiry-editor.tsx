"use client";
// Setting, moving or removing an active key's expiry from its page, with the same choices and
// bounds as the Add key dialog (./expiry.ts), within the workspace policy's maximum lifetime (no
// "Never" under one); the server checks again. An expired key stays expired (the server answers
// 409), so the control is offered for active keys only.
import * as Dialog from "@radix-ui/react-dialog";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { buttonRowClass, contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { FailureMessage } from "@/components/ui/failure-message";
import { linkClass } from "@/components/ui/link-styles";
import { formatExact } from "@/lib/ui/time";
import { expiryChoices, resolveExpiry, type ExpiryChoice } from "./expiry";
import { expiryFieldClass, ExpiryDate } from "./expiry-date";
import { useChangeKey } from "./mutations";
import type { ApiKeyDto } from "./types";

type Props = {
  workspaceId: string;
  apiKey: ApiKeyDto;
  /** The workspace key policy's maximum lifetime in days, or null. */
  maxDays: number | null;
};

export function ExpiryEditor({ workspaceId, apiKey, maxDays }: Props) {
  const choices = expiryChoices(maxDays);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<ExpiryChoice>(maxDays === null || maxDays >= 30 ? "30" : `${maxDays}`);
  const [date, setDate] = useState("");
  const [check, setCheck] = useState<string | null>(null);
  const mutation = useChangeKey(workspaceId, apiKey);
  const ids = { choice: useId(), date: useId(), dateHelp: useId(), error: useId(), policy: useId() };
  const error = check ?? mutation.error?.fields?.expiresAt ?? null;

  function save(event: React.FormEvent) {
    event.preventDefault();
    const resolved = resolveExpiry(choice, date, Date.now(), undefined, maxDays);
    if ("error" in resolved) return setCheck(resolved.error);
    mutation.mutate(
      { expiresAt: resolved.expiresAt },
      {
        onSuccess: (changed) => {
          setOpen(false);
          toast.success(
            changed.expiresAt
              ? `“${changed.description}” now expires ${formatExact(changed.expiresAt)}.`
              : `“${changed.description}” no longer expires.`,
          );
        },
      },
    );
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (mutation.isPending) return;
        setOpen(next);
        if (!next) {
          setCheck(null);
          mutation.reset();
        }
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button" className={`mt-1 text-sm ${linkClass}`}>
          {apiKey.expiresAt ? "Change expiry" : "Set an expiry"}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content className={contentClass}>
          <Dialog.Title className={titleClass}>Expiry of “{apiKey.description}”</Dialog.Title>
          <Dialog.Description className={descriptionClass}>
            From its next request, the key works until the moment you choose. It stays listed, marked Expired, until someone revokes it.
          </Dialog.Description>
          <form onSubmit={save} noValidate className="mt-5 space-y-4">
            <div className="space-y-1.5">
              <label htmlFor={ids.choice} className="block text-sm font-medium">
                Expires
              </label>
              <select
                id={ids.choice}
                value={choice}
                onChange={(e) => {
                  setChoice(e.target.value as ExpiryChoice);
                  setCheck(null);
                  if (mutation.isError) mutation.reset();
                }}
                aria-invalid={choice !== "custom" && !!error}
                aria-describedby={
                  [maxDays !== null ? ids.policy : null, choice !== "custom" && error ? ids.error : null].filter(Boolean).join(" ") ||
                  undefined
                }
                className={expiryFieldClass}
              >
                {choices.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.value === "never" ? "Never" : option.value === "custom" ? option.label : `${option.label} from now`}
                  </option>
                ))}
              </select>
              {maxDays !== null && (
                <p id={ids.policy} className="text-xs text-zinc-600 dark:text-zinc-400">
                  This workspace&apos;s key policy allows keys to live at most {maxDays} days, so the key must keep an expiry.
                </p>
              )}
            </div>
            {choice === "custom" && (
              <ExpiryDate
                ids={{ input: ids.date, help: ids.dateHelp, error: ids.error }}
                value={date}
                invalid={!!error}
                maxDays={maxDays}
                onChange={(value) => {
                  setDate(value);
                  setCheck(null);
                }}
              />
            )}
            {error && (
              <p id={ids.error} role="alert" className="text-sm text-red-700 dark:text-red-400">
                {error}
              </p>
            )}
            {mutation.error && !mutation.error.fields?.expiresAt && <FailureMessage failure={mutation.error} />}
            <div className={buttonRowClass}>
              <Dialog.Close asChild>
                <Button variant="secondary" disabled={mutation.isPending}>
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
                {mutation.isPending ? "Saving…" : "Save expiry"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
