"use client";
// Revoking asks first, naming the key and when it was last used, because every service
// still using it starts failing at once.
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { queryKeys } from "@/lib/ui/query-keys";
import { Button } from "@/components/ui/button";
import { contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ApiKeyActions, ApiKeyDto } from "./types";

type Props = {
  apiKey: ApiKeyDto;
  workspaceId: string;
  revoke: ApiKeyActions["revoke"];
  /** Called once the dialog has closed after a revoke: the row (and this button) are going away. */
  onRevoked: () => void;
};

export function RevokeKeyDialog({ apiKey, workspaceId, revoke, onRevoked }: Props) {
  const [open, setOpen] = useState(false);
  const revoked = useRef(false);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await revoke(apiKey.id);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: async () => {
      revoked.current = true;
      setOpen(false);
      toast.success(`Revoked “${apiKey.description}”. Requests with it now fail.`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(workspaceId) });
    },
  });

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (mutation.isPending) return;
        setOpen(next);
        if (!next) mutation.reset();
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button variant="ghost" aria-label={`Revoke ${apiKey.description}`}>
          Revoke
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content
          className={contentClass}
          onCloseAutoFocus={(event) => {
            if (!revoked.current) return;
            event.preventDefault();
            onRevoked();
          }}
        >
          <AlertDialog.Title className={titleClass}>Revoke “{apiKey.description}”?</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className={descriptionClass}>
              <p>
                Key <code>{apiKey.hint}</code>{" "}
                {apiKey.lastUsedAt ? (
                  <>
                    was last used <RelativeTime iso={apiKey.lastUsedAt} />.
                  </>
                ) : (
                  "has never been used."
                )}
              </p>
              <p className="mt-2">Any request that uses it will fail immediately. This cannot be undone.</p>
            </div>
          </AlertDialog.Description>
          {mutation.error && (
            <p role="alert" className="mt-4 text-sm text-red-700 dark:text-red-400">
              {mutation.error.message}
            </p>
          )}
          <div className="mt-6 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={mutation.isPending}>
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <Button variant="danger" onClick={() => mutation.mutate()} disabled={mutation.isPending} aria-busy={mutation.isPending}>
              {mutation.isPending ? "Revoking…" : "Revoke key"}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
