// One API key in the list. Wide lists show it as a table row; in a narrow list (below 48rem
// of the list's own width: phones, tablets with the navigation beside it, 200 % zoom) the
// same row is laid out as a card with a label before each value, so nothing ever scrolls
// sideways. The row keeps its table roles either way (set explicitly, because CSS display
// changes can drop them). To add a column: add it to KEY_COLUMNS and a <KeyCell> below, in
// the same order; controls go in `actions`.
import Link from "next/link";
import type { ReactNode } from "react";
import { keyHref, linkClass } from "@/components/ui/link-styles";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ApiKeyDto } from "./types";

export const KEY_COLUMNS = ["Key", "Created by", "Created", "Last used"] as const;

/** The id of a key's row, for moving focus to it. */
export const keyRowId = (keyId: string) => `api-key-${keyId}`;

function KeyCell({ label, children, className = "" }: { label: (typeof KEY_COLUMNS)[number]; children: ReactNode; className?: string }) {
  return (
    <td role="cell" className={`col-span-2 flex gap-3 @3xl:table-cell @3xl:px-4 @3xl:py-3 @3xl:align-top ${className}`}>
      {/* In a card the column header is not on screen; screen readers get it from the table. */}
      <span aria-hidden="true" className="w-24 shrink-0 text-zinc-600 @3xl:hidden dark:text-zinc-400">
        {label}
      </span>
      <span className="min-w-0">{children}</span>
    </td>
  );
}

export function KeyRow({ apiKey, actions }: { apiKey: ApiKeyDto; actions?: ReactNode }) {
  return (
    <tr
      id={keyRowId(apiKey.id)}
      role="row"
      tabIndex={-1}
      className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-4 gap-y-1.5 rounded-lg border border-zinc-200 p-4 focus:outline-2 focus:-outline-offset-2 focus:outline-blue-600 @3xl:table-row @3xl:rounded-none @3xl:border-0 @3xl:p-0 dark:border-zinc-800"
    >
      <th
        scope="row"
        role="rowheader"
        className="col-start-1 row-start-1 font-medium wrap-anywhere whitespace-pre-wrap @3xl:table-cell @3xl:max-w-xs @3xl:px-4 @3xl:py-3 @3xl:align-top"
      >
        <Link href={keyHref(apiKey.id)} className={linkClass}>
          {apiKey.description}
        </Link>
      </th>
      <KeyCell label="Key" className="@3xl:whitespace-nowrap">
        <span className="font-mono text-xs">{apiKey.hint}</span>
      </KeyCell>
      <KeyCell label="Created by">
        <span className="block wrap-anywhere">{apiKey.createdBy.name}</span>
        <span className="block text-xs wrap-anywhere text-zinc-600 dark:text-zinc-400">{apiKey.createdBy.email}</span>
      </KeyCell>
      <KeyCell label="Created" className="@3xl:whitespace-nowrap">
        <RelativeTime iso={apiKey.createdAt} />
      </KeyCell>
      <KeyCell label="Last used" className="@3xl:whitespace-nowrap">
        {apiKey.lastUsedAt ? <RelativeTime iso={apiKey.lastUsedAt} /> : "Never"}
      </KeyCell>
      {actions !== undefined && (
        <td role="cell" className="col-start-2 row-start-1 -my-1.5 flex justify-end gap-1 @3xl:table-cell @3xl:px-4 @3xl:py-1.5 @3xl:text-right @3xl:align-top">
          {actions}
        </td>
      )}
    </tr>
  );
}

/** The list around the rows: a table with a caption and column headers (hidden in card layout). */
export function KeyTable({ caption, withActions, children }: { caption: string; withActions: boolean; children: ReactNode }) {
  return (
    <div className="@container mt-8">
      <div className="relative @3xl:overflow-hidden @3xl:rounded-lg @3xl:border @3xl:border-zinc-200 @3xl:dark:border-zinc-800">
        <table role="table" className="block w-full text-left text-sm @3xl:table">
          <caption className="sr-only">{caption}</caption>
          <thead
            role="rowgroup"
            className="sr-only bg-zinc-50 text-xs text-zinc-600 uppercase @3xl:not-sr-only @3xl:table-header-group dark:bg-zinc-900 dark:text-zinc-400"
          >
            <tr role="row">
              <th scope="col" role="columnheader" className="px-4 py-3 font-medium">
                Description
              </th>
              {KEY_COLUMNS.map((column) => (
                <th key={column} scope="col" role="columnheader" className="px-4 py-3 font-medium">
                  {column}
                </th>
              ))}
              {withActions && (
                <th scope="col" role="columnheader" className="px-4 py-3 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody role="rowgroup" className="block space-y-3 @3xl:table-row-group @3xl:space-y-0 @3xl:divide-y @3xl:divide-zinc-200 @3xl:dark:divide-zinc-800">
            {children}
          </tbody>
        </table>
      </div>
    </div>
  );
}
