"use client";
// The header's Sign out. The server ends the session (here and at the provider) and redirects the
// browser to the provider's logout. When that fails (offline, the server down), the page stays and
// says that the person is still signed in.
import { useMutation } from "@tanstack/react-query";
import { unstable_rethrow } from "next/navigation";
import { useRef } from "react";
import { signOutAction } from "@/lib/actions/sign-out";
import { FailureMessage } from "@/components/ui/failure-message";
import { fromActionError, RequestFailure } from "@/lib/ui/browser/request-failure";

/** Next rejects the action's promise with its own redirect error while it takes the browser away. */
function isLeaving(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

/** Settles only on failure: on success the browser is leaving, and the button says so until it has. */
async function signOut(): Promise<never> {
  let result: Awaited<ReturnType<typeof signOutAction>>;
  try {
    result = await signOutAction();
  } catch (error) {
    if (isLeaving(error)) return new Promise<never>(() => {});
    throw new RequestFailure(
      "offline",
      "The server did not answer, so you may still be signed in. Check your connection, then sign out again.",
    );
  }
  throw fromActionError(result.error, "you were not signed out");
}

export function SignOutButton() {
  const button = useRef<HTMLButtonElement>(null);
  const mutation = useMutation<never, RequestFailure, void>({ mutationFn: signOut });
  // "Signing out…" until the browser has left for the provider's logout.
  const busy = mutation.isPending;
  return (
    <div className="relative shrink-0">
      <button
        ref={button}
        type="button"
        onClick={() => mutation.mutate()}
        disabled={busy}
        aria-busy={busy}
        className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium whitespace-nowrap hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-70 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {busy ? "Signing out…" : "Sign out"}
      </button>
      {mutation.error && (
        <div className="absolute top-full right-0 z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] space-y-1 rounded-md bg-white p-1.5 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-950 dark:ring-zinc-800">
          <FailureMessage failure={mutation.error} />
          <button
            type="button"
            onClick={() => {
              mutation.reset();
              button.current?.focus();
            }}
            className="rounded-md px-2 py-1 text-sm font-medium underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
