"use client";
// A confirmation for a webhook endpoint's irreversible actions (rotate the secret, delete): says what
// happens, runs the change, stays open with the reason while it fails, closes when done.
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useMutation } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { mayRetry, type RequestFailure } from "@/lib/ui/browser/request-failure";
import { Button } from "@/components/ui/button";
import { buttonRowClass, contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { FailureMessage } from "@/components/ui/failure-message";
import { useHandOver } from "@/components/ui/hand-over";

type Props<T> = {
  trigger: string;
  title: string;
  children: ReactNode;
  confirm: string;
  pending: string;
  danger?: boolean;
  run: () => Promise<T>;
  /** After the dialog has closed. */
  onDone: (result: T) => void;
};

export function ConfirmAction<T>({ trigger, title, children, confirm, pending, danger = false, run, onDone }: Props<T>) {
  const [open, setOpen] = useState(false);
  const handOver = useHandOver(onDone);
  const mutation = useMutation<T, RequestFailure, void>({ mutationFn: run });
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (mutation.isPending) return;
        setOpen(next);
        mutation.reset();
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button variant={danger ? "ghost" : "secondary"}>{trigger}</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={contentClass} onCloseAutoFocus={handOver.onCloseAutoFocus}>
          <AlertDialog.Title className={titleClass}>{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className={descriptionClass}>{children}</div>
          </AlertDialog.Description>
          {mutation.error && <FailureMessage failure={mutation.error} className="mt-4" />}
          <div className={buttonRowClass}>
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={mutation.isPending}>
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <Button
              variant={danger ? "danger" : "primary"}
              disabled={mutation.isPending}
              aria-busy={mutation.isPending}
              onClick={() =>
                mutation.mutate(undefined, {
                  onSuccess: (result) => {
                    handOver.succeeded(result);
                    setOpen(false);
                  },
                })
              }
            >
              {mutation.isPending ? pending : mutation.error && mayRetry(mutation.error) ? "Try again" : confirm}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
