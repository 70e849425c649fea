"use client";
// A key's own audit trail: every event about it, newest first, a page at a time ("Show older
// events" leaves focus on the first event it added).
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { AuditEventDto } from "@/lib/audit-log/schemas";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/time";
import { linkClass } from "@/components/ui/link-styles";
import { EventAddress, EventWhat, EventWho } from "./event-parts";
import { useAuditEvents } from "./use-audit-events";

type Props = { workspaceId: string; keyId: string; canReadAuditLog: boolean; headingId: string };

export function KeyHistory({ workspaceId, keyId, canReadAuditLog, headingId }: Props) {
  const events = useAuditEvents(workspaceId, { targetId: keyId }, { via: canReadAuditLog ? "audit-events" : "activity", pageSize: 10 });
  const list: AuditEventDto[] = events.data?.pages.flatMap((page) => page.data) ?? [];
  const itemId = (eventId: string) => `key-history-${eventId}`;

  // Focus moves once the older events are rendered (they arrive, then render).
  const focusNext = useRef<number | null>(null);
  useEffect(() => {
    const next = focusNext.current === null ? undefined : events.data?.pages.flatMap((page) => page.data)[focusNext.current];
    if (!next) return;
    focusNext.current = null;
    document.getElementById(itemId(next.id))?.focus();
  }, [events.data]);

  function showOlder() {
    focusNext.current = list.length;
    void events.fetchNextPage();
  }

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-zinc-200 p-4 sm:p-6 dark:border-zinc-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          History
        </h2>
        {canReadAuditLog && (
          <Link href={`/settings/developer/audit-log?key=${encodeURIComponent(keyId)}`} className={`text-sm ${linkClass}`}>
            Open in the audit log
          </Link>
        )}
      </div>
      {!canReadAuditLog && (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">People&apos;s addresses are shown to owners and admins only.</p>
      )}
      {events.isPending ? (
        <div role="status" className="mt-4 space-y-3">
          <span className="sr-only">Loading the key&apos;s history…</span>
          <div aria-hidden className="h-12 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" />
          <div aria-hidden className="h-12 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" />
        </div>
      ) : events.isError && list.length === 0 ? (
        <div
          role="alert"
          className="mt-4 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <span>Could not load the history: {events.error.message}</span>
          <Button variant="secondary" onClick={() => void events.refetch()}>
            Retry
          </Button>
        </div>
      ) : list.length === 0 ? (
        <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">Nothing recorded about this key yet.</p>
      ) : (
        <>
          <ol className="mt-4 divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Events about this key, newest first">
            {list.map((event) => (
              <li
                key={event.id}
                id={itemId(event.id)}
                tabIndex={-1}
                className="grid gap-1 py-3 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-blue-600 sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1fr)] sm:gap-4"
              >
                <div className="min-w-0">
                  <EventWhat event={event} />
                </div>
                <div className="min-w-0">
                  <EventWho actor={event.actor} />
                </div>
                <div className="min-w-0 sm:text-right">
                  <DateTime iso={event.createdAt} className="block text-xs" />
                  {canReadAuditLog && (event.ip || event.userAgent) && (
                    <div className="mt-1">
                      <EventAddress event={event} />
                    </div>
                  )}
                </div>
              </li>
            ))}
          </ol>
          {events.isError && (
            <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
              Could not load more: {events.error.message}
            </p>
          )}
          {events.hasNextPage && (
            <Button
              variant="secondary"
              className="mt-3"
              onClick={showOlder}
              disabled={events.isFetchingNextPage}
              aria-busy={events.isFetchingNextPage}
            >
              {events.isFetchingNextPage ? "Loading…" : "Show older events"}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
