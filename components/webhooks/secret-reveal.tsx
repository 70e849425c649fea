"use client";
// A webhook endpoint's signing secret, shown once: after adding an endpoint or rotating its secret.
// The receiver verifies each delivery's signature with it (docs/webhooks.md). Closing it is the
// person's choice (Done, or Escape); the page does not keep the secret anywhere.
import * as Dialog from "@radix-ui/react-dialog";
import { Button } from "@/components/ui/button";
import { buttonRowClass, contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { CopyField } from "@/components/api-keys/copy-field";

export type Revealed = { url: string; secret: string; rotated: boolean };

type Props = {
  revealed: Revealed | null;
  onClosed: () => void;
  /** Where focus goes once the dialog has gone (it has no trigger to go back to). */
  returnFocus: () => void;
};

export function SecretReveal({ revealed, onClosed, returnFocus }: Props) {
  return (
    <Dialog.Root open={revealed !== null} onOpenChange={(open) => !open && onClosed()}>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content
          className={contentClass}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus();
          }}
        >
          <Dialog.Title className={titleClass}>
            {revealed?.rotated ? "Copy the new signing secret" : "Copy the signing secret"}
          </Dialog.Title>
          <Dialog.Description className={descriptionClass}>
            For <span className="font-mono break-all">{revealed?.url}</span>. Your receiver verifies each delivery&apos;s signature with it.
            It is shown once: after you close this, only its last four characters are.
            {revealed?.rotated && " The previous secret also signs deliveries for 24 hours, so your receiver has time to switch."}
          </Dialog.Description>
          {revealed && (
            <div className="mt-4">
              <CopyField value={revealed.secret} what="signing secret" label="Signing secret" />
            </div>
          )}
          <div className={buttonRowClass}>
            <Dialog.Close asChild>
              <Button>Done</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
