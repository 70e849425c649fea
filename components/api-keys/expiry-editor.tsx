"use client";
// Setting, moving or removing an active key's expiry from its page, with the same choices and
// bounds as the Add key dialog (./expiry.ts); the server checks again. An expired key stays
// expired (the server answers 409), so the control is offered for active keys only.
import * as Dialog from "@radix-ui/react-dialog";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { buttonRowClass, contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { FailureMessage } from "@/components/ui/failure-message";
import { linkClass } from "@/components/ui/link-styles";
import { formatExact } from "@/lib/ui/time";
import { dateBounds, EXPIRY_CHOICES, resolveExpiry, type ExpiryChoice } from "./expiry";
import { useChangeKey } from "./mutations";
import type { ApiKeyDto } from "./types";

const fieldClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950 dark:[color-scheme:dark]";

export function ExpiryEditor({ workspaceId, apiKey }: { workspaceId: string; apiKey: ApiKeyDto }) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<ExpiryChoice>("30");
  const [date, setDate] = useState("");
  const [check, setCheck] = useState<string | null>(null);
  const mutation = useChangeKey(workspaceId, apiKey);
  const ids = { choice: useId(), date: useId(), error: useId() };
  const [bounds] = useState(() => dateBounds(Date.now()));
  const error = check ?? mutation.error?.fields?.expiresAt ?? null;

  function save(event: React.FormEvent) {
    event.preventDefault();
    const resolved = resolveExpiry(choice, date, Date.now());
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
                aria-describedby={choice !== "custom" && error ? ids.error : undefined}
                className={fieldClass}
              >
                {EXPIRY_CHOICES.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.value === "never" ? "Never" : option.value === "custom" ? option.label : `${option.label} from now`}
                  </option>
                ))}
              </select>
            </div>
            {choice === "custom" && (
              <div className="space-y-1.5">
                <label htmlFor={ids.date} className="block text-sm font-medium">
                  Expires on
                </label>
                <input
                  id={ids.date}
                  type="date"
                  value={date}
                  min={bounds.min}
                  max={bounds.max}
                  onChange={(e) => {
                    setDate(e.target.value);
                    setCheck(null);
                  }}
                  aria-invalid={!!error}
                  aria-describedby={error ? ids.error : undefined}
                  className={fieldClass}
                />
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  The key stops working at the end of that day (your time), from {bounds.min} to {bounds.max}.
                </p>
              </div>
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
