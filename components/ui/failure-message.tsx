"use client";
// Says what went wrong with a request (lib/ui/browser/request-failure.ts) and, when the session has
// ended, offers to sign in again in a new tab, so this page keeps what the person typed and
// they can come back and try again.
import type { RequestFailure } from "@/lib/ui/browser/request-failure";

export function SignInAgainLink({ returnTo = "/", className = "" }: { returnTo?: string; className?: string }) {
  return (
    <a
      href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}
      target="_blank"
      rel="noopener"
      className={`inline-flex items-center rounded-md border border-current px-2.5 py-1 text-sm font-medium underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${className}`}
    >
      Sign in again<span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

export function FailureMessage({ failure, id, className = "" }: { failure: RequestFailure; id?: string; className?: string }) {
  return (
    <div
      id={id}
      role="alert"
      className={`space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200 ${className}`}
    >
      <p>{failure.message}</p>
      {failure.kind === "session" && <SignInAgainLink />}
    </div>
  );
}
