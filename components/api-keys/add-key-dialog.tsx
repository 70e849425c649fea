"use client";
// "Add key": asks for a description, creates the key, and hands the secret to the reveal
// dialog. The secret is passed on directly: it never enters the query cache.
import * as Dialog from "@radix-ui/react-dialog";
import { forwardRef, useId, useState, useTransition } from "react";
import { descriptionSchema, DESCRIPTION_MAX } from "@/lib/api-keys/schemas";
import { Button } from "@/components/ui/button";
import { contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import type { ApiKeyActions, ApiKeyDto } from "./types";

type Props = {
  create: ApiKeyActions["create"];
  disabledReason: string | null;
  onCreated: (created: { key: ApiKeyDto; secret: string }) => void;
};

function validate(value: string): string | null {
  const result = descriptionSchema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "Enter a valid description.");
}

export const AddKeyDialog = forwardRef<HTMLButtonElement, Props>(function AddKeyDialog({ create, disabledReason, onCreated }, triggerRef) {
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const ids = { input: useId(), help: useId(), error: useId(), reason: useId() };

  const fieldError = submitted ? validate(description) : null;
  const error = fieldError ?? serverError;

  function reset(nextOpen: boolean) {
    if (pending) return; // keep the dialog while the key is being created
    setOpen(nextOpen);
    if (!nextOpen) {
      setDescription("");
      setSubmitted(false);
      setServerError(null);
    }
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setServerError(null);
    if (validate(description)) return;
    startTransition(async () => {
      const result = await create({ description });
      if (!result.ok) {
        setServerError(result.error.fields?.description ?? result.error.message);
        return;
      }
      setOpen(false);
      setDescription("");
      setSubmitted(false);
      onCreated(result.data);
    });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Dialog.Root open={open} onOpenChange={reset}>
        <Dialog.Trigger asChild>
          <Button ref={triggerRef} disabled={!!disabledReason} aria-describedby={disabledReason ? ids.reason : undefined}>
            Add key
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className={overlayClass} />
          <Dialog.Content className={contentClass}>
            <Dialog.Title className={titleClass}>Add API key</Dialog.Title>
            <Dialog.Description className={descriptionClass}>
              The key will be able to read and change this workspace&apos;s tasks through the REST API.
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
                    setServerError(null);
                  }}
                  maxLength={DESCRIPTION_MAX + 50}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={!!error}
                  aria-describedby={`${ids.help}${error ? ` ${ids.error}` : ""}`}
                  className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950"
                  placeholder="ci-production"
                />
                <p id={ids.help} className="text-xs text-zinc-500 dark:text-zinc-400">
                  Name the service and environment that will use it, e.g. <code>ci-production</code>. Up to {DESCRIPTION_MAX} characters.
                </p>
                {error && (
                  <p id={ids.error} role="alert" className="text-sm text-red-700 dark:text-red-400">
                    {error}
                  </p>
                )}
              </div>
              <div className="flex justify-end gap-2">
                <Dialog.Close asChild>
                  <Button variant="secondary" disabled={pending}>
                    Cancel
                  </Button>
                </Dialog.Close>
                <Button type="submit" disabled={pending} aria-busy={pending}>
                  {pending ? "Creating key…" : "Create key"}
                </Button>
              </div>
            </form>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {disabledReason && (
        <p id={ids.reason} className="max-w-xs text-right text-xs text-zinc-500 dark:text-zinc-400">
          {disabledReason}
        </p>
      )}
    </div>
  );
});
