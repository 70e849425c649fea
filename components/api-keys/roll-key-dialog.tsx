"use client";
// Rolling asks how long the previous secret may keep working (the services that still use it
// need time to move), explains that it also retires on its own once traffic has moved, then
// hands the new secret to the caller (onDone), which reveals it. The secret never enters the
// query cache. When rolling fails the dialog stays, with the choice made, and says what happened:
// a roll that went through without its secret arriving is said (the key is probably rolled, the
// previous secret works until its deadline) with "Roll again"; after an attempt whose outcome is
// unknown, trying again reads the key first (key-changes.ts).
import * as Dialog from "@radix-ui/react-dialog";
import { forwardRef, useId, useRef, useState } from "react";
import { ROLL_GRACE_DEFAULT_SECONDS } from "@/lib/api-keys/schemas";
import { mayRetry } from "@/lib/ui/browser/request-failure";
import { Button } from "@/components/ui/button";
import { contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { FailureMessage } from "@/components/ui/failure-message";
import { useHandOver, type FromMenu, type OnDone } from "@/components/ui/hand-over";
import { formatDuration } from "./duration";
import { SecretLost } from "./key-changes";
import { useRollKey } from "./mutations";
import type { Rolled } from "./roll-note";
import type { ApiKeyDto } from "./types";

const GRACE_OPTIONS = [
  { seconds: 0, label: "Immediately", help: "Stops working as soon as you roll. Use it when the secret leaked." },
  { seconds: 3_600, label: "1 hour", help: "Enough for one deployment." },
  { seconds: ROLL_GRACE_DEFAULT_SECONDS, label: "24 hours", help: "Recommended: time for every service to move." },
  { seconds: 7 * 86_400, label: "7 days", help: "For services you cannot redeploy quickly." },
] as const;

type Props = {
  apiKey: ApiKeyDto;
  workspaceId: string;
  rollIdleSeconds: number;
  /** After the dialog has closed: the new secret and what the reveal says about the previous one. */
  onDone: OnDone<Rolled>;
  /** Opened from the key list's actions menu: no trigger of its own, mounted when it opens. */
  fromMenu?: FromMenu;
};

export const RollKeyDialog = forwardRef<HTMLButtonElement, Props>(function RollKeyDialog(
  { apiKey, workspaceId, rollIdleSeconds, onDone, fromMenu },
  triggerRef,
) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = fromMenu ? fromMenu.open : ownOpen;
  const setOpen = fromMenu ? fromMenu.onOpenChange : setOwnOpen;
  const [grace, setGrace] = useState<number>(ROLL_GRACE_DEFAULT_SECONDS);
  // The key as it was when the person chose to roll it: a different current secret later means a roll went through.
  const before = useRef(apiKey);
  const content = useRef<HTMLDivElement>(null);
  const handOver = useHandOver(onDone, fromMenu?.returnFocus);
  const mutation = useRollKey(workspaceId);
  const failure = mutation.error;
  const ids = { legend: useId(), idle: useId() };

  function change(next: boolean) {
    if (mutation.isPending) return;
    setOpen(next);
    mutation.reset();
    if (next) {
      before.current = apiKey;
      setGrace(ROLL_GRACE_DEFAULT_SECONDS);
    }
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // After a lost secret, rolling again starts from the key as it is now.
    if (failure instanceof SecretLost) before.current = failure.key;
    const request = { before: before.current, graceSeconds: grace, checkFirst: failure?.code === "outcome_unknown" };
    mutation.mutate(request, {
      onSuccess: ({ key, secret }) => {
        handOver.succeeded({
          description: key.description,
          secret,
          previousHint: key.previousSecret?.hint ?? request.before.hint,
          graceSeconds: grace,
          previousExpiresAt: key.previousSecret?.expiresAt ?? null,
        });
        setOpen(false);
        mutation.reset();
      },
    });
  }

  const submitLabel = mutation.isPending
    ? "Rolling…"
    : failure instanceof SecretLost
      ? "Roll again"
      : failure && mayRetry(failure)
        ? "Try again"
        : "Roll key";

  return (
    <Dialog.Root open={open} onOpenChange={change}>
      {!fromMenu && (
        <Dialog.Trigger asChild>
          <Button ref={triggerRef} variant="secondary">
            Roll key
          </Button>
        </Dialog.Trigger>
      )}
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content
          ref={content}
          className={`${contentClass} max-h-[90vh] overflow-y-auto`}
          // After a roll the reveal dialog takes focus; it returns it to this trigger when it closes.
          onCloseAutoFocus={handOver.onCloseAutoFocus}
          // Focus starts on the checked choice (as arrow keys move it), not on the first radio.
          onOpenAutoFocus={(event) => {
            const checked = content.current?.querySelector<HTMLInputElement>('input[name="grace"]:checked');
            if (!checked) return;
            event.preventDefault();
            checked.focus();
          }}
        >
          <Dialog.Title className={titleClass}>Roll “{apiKey.description}”?</Dialog.Title>
          <Dialog.Description className={descriptionClass}>
            The key gets a new secret and keeps its id, description, expiry and history. Put the new secret in your services; the previous
            one ({apiKey.hint}) keeps working for the time you choose, so nothing breaks while they move.
          </Dialog.Description>
          {/* At the top, where it is seen without scrolling the dialog. */}
          {failure && <FailureMessage failure={failure} className="mt-3" />}
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
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary" disabled={mutation.isPending}>
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
                {submitLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
});
