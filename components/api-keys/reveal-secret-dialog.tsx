"use client";
// The one time a secret is shown. It lives only in this component's props: closing (Done,
// Escape, click outside) first turns the dialog into a confirmation; only "Close, I saved it"
// tells the parent to drop the secret. After a roll it says that the secret is the new secret of
// the same key (not a new key). Escape on the confirmation goes back to the secret.
// While it is open, leaving the page asks the browser to confirm. Focus starts on Copy.
import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { buttonRowClass, contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { CopyField } from "./copy-field";

type Props = {
  created: { description: string; secret: string } | null;
  apiOrigin: string;
  onClosed: () => void;
  /** Where focus goes once the dialog is gone (it has no trigger to return to). */
  returnFocus: () => void;
  /** Said under the warning, e.g. after a roll: how long the previous secret keeps working. */
  note?: ReactNode;
  /** The secret is a roll's: the new secret of the same key, not a new key. */
  rolled?: boolean;
};

export function RevealSecretDialog({ created, apiOrigin, onClosed, returnFocus, note, rolled = false }: Props) {
  const [confirming, setConfirming] = useState(false);
  const copy = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!created) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [created]);

  const curl = `curl -H "Authorization: Bearer $ONE_API_KEY" ${apiOrigin}/api/v1/workspaces/current/tasks`;

  return (
    <Dialog.Root open={!!created} onOpenChange={(open) => !open && setConfirming((was) => !was)}>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content
          role={confirming ? "alertdialog" : "dialog"}
          className={contentClass}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            copy.current?.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus();
          }}
        >
          {confirming ? (
            <>
              <Dialog.Title className={titleClass}>{rolled ? "Have you saved the new secret?" : "Have you saved the key?"}</Dialog.Title>
              <Dialog.Description className={descriptionClass}>
                Once you close this, the secret cannot be shown again.{" "}
                {rolled ? "If you lose it, roll the key again." : "If you lose it, you will have to create a new key."}
              </Dialog.Description>
              <div className={buttonRowClass}>
                <Button variant="secondary" autoFocus onClick={() => setConfirming(false)}>
                  Go back
                </Button>
                <Button
                  onClick={() => {
                    setConfirming(false);
                    onClosed();
                  }}
                >
                  Close, I saved it
                </Button>
              </div>
            </>
          ) : (
            <>
              <Dialog.Title className={`${titleClass} wrap-anywhere`}>
                {rolled ? `Copy the new secret of “${created?.description}”` : "Copy your new API key"}
              </Dialog.Title>
              <Dialog.Description className={descriptionClass}>
                {rolled ? (
                  <>
                    It is the same key, with its id, permissions, networks and history; only its secret is new, and this is the only time it
                    is shown.{" "}
                  </>
                ) : (
                  <>
                    This is the only time the secret of{" "}
                    <strong className="font-medium wrap-anywhere text-zinc-900 dark:text-zinc-100">{created?.description}</strong> is
                    shown.{" "}
                  </>
                )}
                Store it in a secrets manager or in an environment variable such as <code>ONE_API_KEY</code>; you will not be able to see it
                again.
              </Dialog.Description>
              {note && <div className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">{note}</div>}
              <div className="mt-4">
                <CopyField ref={copy} value={created?.secret ?? ""} what="API key" label="API key secret" />
              </div>
              <p className="mt-2 text-sm font-medium">Try it</p>
              <div className="mt-1">
                <CopyField value={curl} what="curl command" size="xs" />
              </div>
              <a
                href="/docs/api"
                target="_blank"
                rel="noopener"
                className="mt-2 inline-block text-sm text-blue-700 underline dark:text-blue-400"
              >
                API reference and SDK examples (opens in a new tab)
              </a>
              <div className={buttonRowClass}>
                <Button onClick={() => setConfirming(true)}>Done</Button>
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
