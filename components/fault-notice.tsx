"use client";
// What a page shows instead of the framework's error page when something nobody foresaw went
// wrong while showing it: what happened, that showing a page changes nothing, and the next steps
// (try again, go to the API keys). The reference matches the server's log line (Next's digest).
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";

type Props = { error: unknown; retry: () => void };

export function FaultNotice({ error, retry }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  // The page's content was replaced: focus goes to what replaced it, so a keyboard or screen
  // reader user is not left on a control that no longer exists.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="max-w-xl" aria-labelledby="fault-heading">
      <h1 id="fault-heading" ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
        Something went wrong on our side
      </h1>
      <div role="alert" className="mt-3 space-y-2 text-zinc-700 dark:text-zinc-300">
        <p>This page could not be shown. Showing a page changes nothing: your keys and settings are as they were.</p>
        <p>Try again in a moment. If it keeps happening, tell your administrator{digest ? " the reference below" : ""}.</p>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button onClick={retry}>Try again</Button>
        <Link href="/settings/developer/api-keys" className={buttonClass("secondary")}>
          Go to API Keys
        </Link>
      </div>
      {digest && (
        <p className="mt-4 text-xs text-zinc-600 dark:text-zinc-400">
          Reference: <code className="font-mono">{digest}</code>
        </p>
      )}
    </section>
  );
}
