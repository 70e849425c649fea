"use client";
// Revoking asks first, naming the key and when it was last used, because every service
// still using it starts failing at once. When the answer is lost, the key's state is read
// again and the dialog says whether it was revoked (requests.ts).
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState } from "react";
import { toast } from "sonner";
import { mayRetry } from "@/lib/ui/browser/request-failure";
import { Button } from "@/components/ui/button";
import { buttonRowClass, contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { FailureMessage } from "@/components/ui/failure-message";
import { DateTime } from "@/components/ui/time";
import { useHandOver, type FromMenu, type OnDone } from "@/components/ui/hand-over";
import { useRevokeKey } from "./mutations";
import type { ApiKeyDto } from "./types";

type Props = {
  apiKey: ApiKeyDto;
  workspaceId: string;
  /** After the dialog has closed: the key as revoked. Its row (and this button) may be going away. */
  onDone: OnDone<ApiKeyDto>;
  /** The trigger's words when it is not the header's "Revoke" (e.g. the unused-key suggestion's). */
  triggerLabel?: string;
  /** Opened from the key list's actions menu: no trigger of its own, mounted when it opens. */
  fromMenu?: FromMenu;
};

export function RevokeKeyDialog({ apiKey, workspaceId, onDone, triggerLabel, fromMenu }: Props) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = fromMenu ? fromMenu.open : ownOpen;
  const setOpen = fromMenu ? fromMenu.onOpenChange : setOwnOpen;
  const handOver = useHandOver(onDone, fromMenu?.returnFocus);
  const mutation = useRevokeKey(workspaceId, apiKey);

  function confirm() {
    mutation.mutate(undefined, {
      onSuccess: (revoked) => {
        handOver.succeeded(revoked);
        setOpen(false);
        toast.success(`Revoked “${apiKey.description}”. Requests with it now fail.`);
      },
    });
  }

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (mutation.isPending) return;
        setOpen(next);
        if (!next) mutation.reset();
      }}
    >
      {!fromMenu && (
        <AlertDialog.Trigger asChild>
          <Button variant={triggerLabel ? "secondary" : "ghost"} aria-label={triggerLabel ? undefined : `Revoke ${apiKey.description}`}>
            {triggerLabel ?? "Revoke"}
          </Button>
        </AlertDialog.Trigger>
      )}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={contentClass} onCloseAutoFocus={handOver.onCloseAutoFocus}>
          <AlertDialog.Title className={titleClass}>Revoke “{apiKey.description}”?</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className={descriptionClass}>
              <p>
                Key <code>{apiKey.hint}</code>{" "}
                {apiKey.lastUsedAt ? (
                  <>
                    was last used <DateTime iso={apiKey.lastUsedAt} />.
                  </>
                ) : (
                  "has never been used."
                )}
              </p>
              <p className="mt-2">Any request that uses it will fail immediately. This cannot be undone.</p>
            </div>
          </AlertDialog.Description>
          {mutation.error && <FailureMessage failure={mutation.error} className="mt-4" />}
          <div className={buttonRowClass}>
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={mutation.isPending}>
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <Button variant="danger" onClick={confirm} disabled={mutation.isPending} aria-busy={mutation.isPending}>
              {mutation.isPending ? "Revoking…" : mutation.error && mayRetry(mutation.error) ? "Try again" : "Revoke key"}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
