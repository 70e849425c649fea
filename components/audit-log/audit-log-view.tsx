"use client";
// The audit log: filters by action and key (kept in the URL, so a filtered view can be shared or
// reloaded), a table on wide screens and cards below 64rem, "Load more" with the keyset cursor,
// and a CSV export of exactly the filtered view.
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useRef } from "react";
import type { AuditPage } from "@/lib/audit-log/schemas";
import { ACTION_LABELS, AUDIT_ACTIONS } from "@/lib/audit-log/labels";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/time";
import { EventAddress, EventTarget, EventWhat, EventWho } from "./event-parts";
import { AUDIT_PAGE_SIZE, filtersQuery, parseAuditFilters, type AuditLogFilters } from "./filters";
import { useAuditEvents } from "./use-audit-events";

export type KeyOption = { id: string; description: string; status: "active" | "expired" | "revoked" | null };

type Props = {
  workspace: { id: string; name: string };
  initial: AuditPage;
  initialFilters: AuditLogFilters;
  keys: KeyOption[];
};

/** The id of an event's table row or card (both are rendered; CSS shows one), for moving focus to it. */
const eventRowId = (eventId: string, as: "row" | "card") => `audit-event-${as}-${eventId}`;
const focusRing = "focus:outline-2 focus:-outline-offset-2 focus:outline-blue-600";

const selectClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-950";

export function AuditLogView({ workspace, initial, initialFilters, keys }: Props) {
  const searchParams = useSearchParams();
  const filters = parseAuditFilters(searchParams);
  const fromServer = filters.action === initialFilters.action && filters.targetId === initialFilters.targetId;
  const events = useAuditEvents(workspace.id, filters, {
    via: "audit-events",
    pageSize: AUDIT_PAGE_SIZE,
    initial: fromServer ? initial : undefined,
  });
  const list = events.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = !!(filters.action || filters.targetId);
  const ids = { heading: useId(), action: useId(), key: useId(), status: useId(), exportHelp: useId() };

  // "Load more" leaves focus on the first new event (the button may be gone after the last page),
  // once it is on screen: the rows render after the page arrives.
  const focusNext = useRef<number | null>(null);
  useEffect(() => {
    const index = focusNext.current;
    const next = index === null ? undefined : events.data?.pages.flatMap((page) => page.data)[index];
    if (!next) return;
    focusNext.current = null;
    [eventRowId(next.id, "row"), eventRowId(next.id, "card")]
      .map((id) => document.getElementById(id))
      .find((element) => element?.checkVisibility())
      ?.focus();
  }, [events.data]);

  function loadMore() {
    focusNext.current = list.length;
    void events.fetchNextPage();
  }

  function setFilters(next: AuditLogFilters) {
    const query = filtersQuery(next);
    // Next.js keeps useSearchParams in step with pushState: no server round trip, and Back works.
    window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
  }

  const exportParams = new URLSearchParams({ workspace: workspace.id });
  if (filters.action) exportParams.set("action", filters.action);
  if (filters.targetId) exportParams.set("key", filters.targetId);

  const keyOptions = [...keys];
  if (filters.targetId && !keyOptions.some((key) => key.id === filters.targetId)) {
    keyOptions.push({ id: filters.targetId, description: "Unknown key", status: null });
  }

  const status = events.isPending
    ? "Loading events…"
    : list.length === 0
      ? filtered
        ? "No events match these filters."
        : "No events yet."
      : `${list.length} event${list.length === 1 ? "" : "s"} shown${events.hasNextPage ? ", more are available" : ", that is all of them"}.`;

  return (
    <section aria-labelledby={ids.heading}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-2xl">
          <h1 id={ids.heading} className="text-2xl font-semibold">
            Audit log
          </h1>
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            Who did what in {workspace.name}, and from where: changes to API keys and tasks, by people, API keys, secret scanning and public
            revocation reports. Newest first.
          </p>
        </div>
        <div className="flex flex-col items-start gap-1">
          <a
            href={`/settings/developer/audit-log/export?${exportParams}`}
            download
            aria-describedby={ids.exportHelp}
            className="inline-flex items-center justify-center rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
          >
            Export CSV
          </a>
          <p id={ids.exportHelp} className="text-xs text-zinc-600 dark:text-zinc-400">
            {filtered ? "Every event matching the filters" : "Every event"}, times in UTC.
          </p>
        </div>
      </div>

      <form
        className="mt-6 grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="space-y-1.5">
          <label htmlFor={ids.action} className="block text-sm font-medium">
            Action
          </label>
          <select
            id={ids.action}
            value={filters.action ?? ""}
            onChange={(event) => setFilters({ ...filters, action: event.target.value || undefined })}
            className={selectClass}
          >
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {ACTION_LABELS[action]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={ids.key} className="block text-sm font-medium">
            Key
          </label>
          <select
            id={ids.key}
            value={filters.targetId ?? ""}
            onChange={(event) => setFilters({ ...filters, targetId: event.target.value || undefined })}
            className={selectClass}
          >
            <option value="">All keys and tasks</option>
            {keyOptions.map((key) => (
              <option key={key.id} value={key.id}>
                {key.description}
                {key.status && key.status !== "active" ? ` (${key.status})` : ""}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary" disabled={!filtered} onClick={() => setFilters({})}>
          Clear filters
        </Button>
      </form>

      <p id={ids.status} role="status" className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
        {status}
      </p>

      {events.isError && list.length === 0 ? (
        <div
          role="alert"
          className="mt-4 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <span>Could not load the events: {events.error.message}</span>
          <Button variant="secondary" onClick={() => void events.refetch()}>
            Retry
          </Button>
        </div>
      ) : events.isPending ? (
        <div aria-hidden className="mt-4 space-y-2">
          {[0, 1, 2].map((row) => (
            <div key={row} className="h-14 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" />
          ))}
        </div>
      ) : list.length === 0 ? (
        <div className="mt-4 rounded-lg border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
          <p className="font-medium">{filtered ? "No events match these filters" : "No events yet"}</p>
          <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
            {filtered
              ? "Try another action or key, or clear the filters."
              : "Adding, renaming, rolling and revoking keys, and changes to tasks, are recorded here."}
          </p>
        </div>
      ) : (
        <>
          <div className="mt-2 hidden overflow-x-auto rounded-lg border border-zinc-200 lg:block dark:border-zinc-800">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit events of {workspace.name}, newest first</caption>
              <thead className="bg-zinc-50 text-xs text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">
                    When
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Who
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    What
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Target
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Address and user agent
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 align-top dark:divide-zinc-800">
                {list.map((event) => (
                  <tr key={event.id} id={eventRowId(event.id, "row")} tabIndex={-1} className={focusRing}>
                    <td className="px-4 py-3 text-xs">
                      <DateTime iso={event.createdAt} className="block max-w-40" />
                    </td>
                    <td className="max-w-48 px-4 py-3">
                      <EventWho actor={event.actor} />
                    </td>
                    <td className="max-w-64 px-4 py-3">
                      <EventWhat event={event} />
                    </td>
                    <td className="max-w-48 px-4 py-3">
                      <EventTarget target={event.target} />
                    </td>
                    <td className="px-4 py-3">
                      <EventAddress event={event} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <ul className="mt-2 space-y-3 lg:hidden" aria-label={`Audit events of ${workspace.name}, newest first`}>
            {list.map((event) => (
              <li
                key={event.id}
                id={eventRowId(event.id, "card")}
                tabIndex={-1}
                className={`rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800 ${focusRing}`}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                  <div className="min-w-0">
                    <EventWhat event={event} />
                  </div>
                  <DateTime iso={event.createdAt} className="text-xs" />
                </div>
                <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-2">
                  <dt className="text-zinc-600 dark:text-zinc-400">Target</dt>
                  <dd className="min-w-0">
                    <EventTarget target={event.target} />
                  </dd>
                  <dt className="text-zinc-600 dark:text-zinc-400">Who</dt>
                  <dd className="min-w-0">
                    <EventWho actor={event.actor} />
                  </dd>
                  <dt className="text-zinc-600 dark:text-zinc-400">From</dt>
                  <dd className="min-w-0">
                    <EventAddress event={event} />
                  </dd>
                </dl>
              </li>
            ))}
          </ul>

          {events.isError && (
            <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
              Could not load more events: {events.error.message}
            </p>
          )}
          {events.hasNextPage && (
            <Button
              variant="secondary"
              className="mt-4"
              onClick={loadMore}
              disabled={events.isFetchingNextPage}
              aria-busy={events.isFetchingNextPage}
              aria-describedby={ids.status}
            >
              {events.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
