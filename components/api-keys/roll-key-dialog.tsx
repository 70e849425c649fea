"use client";
// Rolling asks how long the previous secret may keep working (the services that still use it
// need time to move), explains that it also retires on its own once traffic has moved, then
// hands the new secret to the reveal dialog. The secret never enters the query cache.
import * as Dialog from "@radix-ui/react-dialog";
import { forwardRef, useId, useRef, useState, useTransition } from "react";
import { ROLL_GRACE_DEFAULT_SECONDS } from "@/lib/api-keys/schemas";
import type { ActionResult } from "@/lib/ui/action-result";
import { Button } from "@/components/ui/button";
import { contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { formatDuration } from "./duration";
import type { ApiKeyDto } from "./types";

const GRACE_OPTIONS = [
  { seconds: 0, label: "Immediately", help: "Stops working as soon as you roll. Use it when the secret leaked." },
  { seconds: 3_600, label: "1 hour", help: "Enough for one deployment." },
  { seconds: ROLL_GRACE_DEFAULT_SECONDS, label: "24 hours", help: "Recommended: time for every service to move." },
  { seconds: 7 * 86_400, label: "7 days", help: "For services you cannot redeploy quickly." },
] as const;

type Props = {
  apiKey: ApiKeyDto;
  rollIdleSeconds: number;
  roll: (previousSecretExpiresInSeconds: number) => Promise<ActionResult<{ key: ApiKeyDto; secret: string }>>;
  onRolled: (rolled: { key: ApiKeyDto; secret: string; graceSeconds: number }) => void;
  /** In a list row: the button says "Roll" and its name says which key. */
  inList?: boolean;
};

export const RollKeyDialog = forwardRef<HTMLButtonElement, Props>(function RollKeyDialog(
  { apiKey, rollIdleSeconds, roll, onRolled, inList = false },
  triggerRef,
) {
  const [open, setOpen] = useState(false);
  const [grace, setGrace] = useState<number>(ROLL_GRACE_DEFAULT_SECONDS);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const rolled = useRef(false);
  const ids = { legend: useId(), idle: useId() };

  function change(next: boolean) {
    if (pending) return;
    setOpen(next);
    if (!next) setError(null);
    else {
      rolled.current = false;
      setGrace(ROLL_GRACE_DEFAULT_SECONDS);
    }
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await roll(grace);
      if (!result.ok) {
        setError(result.error.fields?.previousSecretExpiresInSeconds ?? result.error.message);
        return;
      }
      rolled.current = true;
      setOpen(false);
      onRolled({ ...result.data, graceSeconds: grace });
    });
  }

  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Trigger asChild>
        <Button ref={triggerRef} variant="secondary" aria-label={inList ? `Roll ${apiKey.description}` : undefined}>
          {inList ? "Roll" : "Roll key"}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content
          className={`${contentClass} max-h-[90vh] overflow-y-auto`}
          // After a roll the reveal dialog takes focus; it returns it to this trigger when it closes.
          onCloseAutoFocus={(event) => rolled.current && event.preventDefault()}
        >
          <Dialog.Title className={titleClass}>Roll “{apiKey.description}”?</Dialog.Title>
          <Dialog.Description className={descriptionClass}>
            The key gets a new secret and keeps its id, description, expiry and history. Put the new secret in your services; the previous
            one ({apiKey.hint}) keeps working for the time you choose, so nothing breaks while they move.
          </Dialog.Description>
          {apiKey.previousSecret && (
            <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
              A roll is already running: its previous secret ({apiKey.previousSecret.hint}) stops working as soon as you roll again.
            </p>
          )}
          <form onSubmit={submit} className="mt-5 space-y-4">
            <fieldset aria-describedby={ids.idle}>
              <legend id={ids.legend} className="text-sm font-medium">
                Keep the previous secret working for
              </legend>
              <div className="mt-2 space-y-2">
                {GRACE_OPTIONS.map((option) => (
                  <label
                    key={option.seconds}
                    className="flex cursor-pointer items-start gap-3 rounded-md border border-zinc-300 px-3 py-2 has-checked:border-zinc-900 has-checked:bg-zinc-50 has-focus-visible:outline-2 has-focus-visible:outline-blue-600 dark:border-zinc-700 dark:has-checked:border-zinc-100 dark:has-checked:bg-zinc-800"
                  >
                    <input
                      type="radio"
                      name="grace"
                      value={option.seconds}
                      checked={grace === option.seconds}
                      onChange={() => setGrace(option.seconds)}
                      className="mt-1 accent-zinc-900 dark:accent-zinc-100"
                    />
                    <span>
                      <span className="block text-sm font-medium">{option.label}</span>
                      <span className="block text-xs text-zinc-600 dark:text-zinc-400">{option.help}</span>
                    </span>
                  </label>
                ))}
              </div>
              <p id={ids.idle} className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
                The previous secret also retires on its own once traffic has moved: when the new secret has served a request and the
                previous one has then been idle for {formatDuration(rollIdleSeconds)}.
              </p>
            </fieldset>
            {error && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {error}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary" disabled={pending}>
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" disabled={pending} aria-busy={pending}>
                {pending ? "Rolling…" : "Roll key"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
});
