"use client";
// The key policy page's Danger zone: revoke every key of the workspace at once (owners). The dialog
// says how many keys will stop working (read when it opens) and asks for the workspace's slug;
// afterwards the page says how many were revoked. When the answer is lost, the key list is read
// again: an empty list means it went through.
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { toast } from "sonner";
import { revokeAllApiKeysAction } from "@/lib/actions/api-key-policy";
import { queryKeys } from "@/lib/ui/browser/query-keys";
import { fromActionError, RequestFailure } from "@/lib/ui/browser/request-failure";
import { read } from "@/lib/ui/browser/rest";
import { Button } from "@/components/ui/button";
import { buttonRowClass, contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { FailureMessage } from "@/components/ui/failure-message";

type Workspace = { id: string; name: string; slug: string };
const plural = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "key" : "keys"}`;

async function revokeAll(workspace: Workspace, confirm: string): Promise<number | null> {
  let result: Awaited<ReturnType<typeof revokeAllApiKeysAction>>;
  try {
    result = await revokeAllApiKeysAction(workspace.id, confirm);
  } catch {
    const list = await read.keyList(workspace.id).catch(() => null);
    if (list && list.data.length === 0) return null; // it went through; the count was lost
    throw new RequestFailure(
      "offline",
      list
        ? `The connection to the server dropped, and the keys were not revoked: ${plural(list.data.length)} still work. Check your connection and try again.`
        : "The server did not answer, so it is not known whether the keys were revoked. Check your connection, then try again: revoking twice is safe.",
    );
  }
  if (!result.ok) throw fromActionError(result.error, "no key was revoked");
  return result.data.revoked;
}

export function RevokeAllKeys({ workspace, allowed, reason }: { workspace: Workspace; allowed: boolean; reason: string }) {
  const ids = { heading: useId(), confirm: useId(), reason: useId() };
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: queryKeys.apiKeys(workspace.id),
    queryFn: ({ signal }) => read.keyList(workspace.id, signal),
    enabled: open,
    staleTime: 0,
  });
  const mutation = useMutation<number | null, RequestFailure, string>({
    mutationFn: (confirm) => revokeAll(workspace, confirm),
    onSuccess: (revoked) => {
      const said =
        revoked === null
          ? `Every key of ${workspace.name} was revoked.`
          : `Revoked ${plural(revoked)} of ${workspace.name}. Requests with them are refused from now on.`;
      setDone(said);
      setOpen(false);
      setTyped("");
      toast.success(said);
      void queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(workspace.id) });
    },
  });
  const count = keys.data?.data.length;
  return (
    <section aria-labelledby={ids.heading} className="space-y-3 rounded-lg border border-red-300 p-4 sm:p-6 dark:border-red-900">
      <h2 id={ids.heading} className="text-base font-semibold text-red-800 dark:text-red-300">
        Danger zone
      </h2>
      <p className="text-sm">
        When a key may have leaked and you do not know which, revoke every key of {workspace.name} at once. Every service that uses one
        stops working until it gets a new key.
      </p>
      {done && (
        <p role="status" className="text-sm font-medium">
          {done}
        </p>
      )}
      <AlertDialog.Root
        open={open}
        onOpenChange={(next) => {
          if (mutation.isPending) return;
          setOpen(next);
          if (!next) {
            setTyped("");
            mutation.reset();
          }
        }}
      >
        <AlertDialog.Trigger asChild>
          <Button
            variant="danger"
            disabled={!allowed}
            aria-describedby={allowed ? undefined : ids.reason}
            className="aria-disabled:cursor-not-allowed"
          >
            Revoke all keys…
          </Button>
        </AlertDialog.Trigger>
        {!allowed && (
          <p id={ids.reason} className="text-xs text-zinc-600 dark:text-zinc-400">
            {reason}
          </p>
        )}
        <AlertDialog.Portal>
          <AlertDialog.Overlay className={overlayClass} />
          <AlertDialog.Content className={contentClass}>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (typed === workspace.slug && !mutation.isPending) mutation.mutate(typed);
              }}
            >
              <AlertDialog.Title className={titleClass}>Revoke every API key of {workspace.name}?</AlertDialog.Title>
              <AlertDialog.Description asChild>
                <div className={descriptionClass}>
                  {keys.isPending && <p>Counting the keys…</p>}
                  {keys.isError && <p>Could not count the keys ({keys.error.message}); every key that is not revoked will be.</p>}
                  {count !== undefined && (
                    <p className="font-medium text-red-800 dark:text-red-300">
                      {count === 0
                        ? "There are no keys to revoke right now."
                        : `${plural(count)} will stop working at once, on every service that uses them. This cannot be undone.`}
                    </p>
                  )}
                </div>
              </AlertDialog.Description>
              <div className="mt-4 space-y-1.5">
                <label htmlFor={ids.confirm} className="block text-sm font-medium">
                  Type <span className="font-mono">{workspace.slug}</span> to confirm
                </label>
                <input
                  id={ids.confirm}
                  value={typed}
                  onChange={(event) => setTyped(event.target.value)}
                  autoComplete="off"
                  autoCapitalize="off"
                  spellCheck={false}
                  className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-950"
                />
              </div>
              {mutation.error && <FailureMessage failure={mutation.error} className="mt-4" />}
              <div className={buttonRowClass}>
                <AlertDialog.Cancel asChild>
                  <Button type="button" variant="secondary" disabled={mutation.isPending}>
                    Cancel
                  </Button>
                </AlertDialog.Cancel>
                <Button
                  type="submit"
                  variant="danger"
                  disabled={typed !== workspace.slug || mutation.isPending}
                  aria-busy={mutation.isPending}
                >
                  {mutation.isPending ? "Revoking…" : "Revoke all keys"}
                </Button>
              </div>
            </form>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </section>
  );
}
