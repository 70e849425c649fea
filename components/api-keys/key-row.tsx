"use client";
// One API key in the list. Wide lists show it as a table row; in a narrow list (below 48rem
// of the list's own width: phones, tablets with the navigation beside it, 200 % zoom) the
// same row is laid out as a card with a label before each value, so nothing ever scrolls
// sideways. The row keeps its table roles either way (set explicitly, because CSS display
// changes can drop them). To add a column: add it to KEY_COLUMNS and a <KeyCell> below, in
// the same order; controls go in `actions`. The name cell carries the badges (status,
// Rolling, expiring soon) and, for owners and admins, the inline rename; the key cell carries
// the previous secret while a roll runs, so the row stays narrow enough for the page.
import Link from "next/link";
import type { ReactNode } from "react";
import { keyHref, linkClass } from "@/components/ui/link-styles";
import { useNow } from "@/components/ui/now";
import { DateTime, RelativeTime } from "@/components/ui/time";
import { formatRelative } from "@/lib/ui/time";
import { EXPIRES_SOON_DAYS } from "./expiry";
import { KeyBadges } from "./key-badges";
import { KeyDescriptionEditor } from "./key-description-editor";
import type { ApiKeyDto } from "./types";
import { UsageSparkline } from "./usage-sparkline";

const KEY_COLUMNS = ["Key", "Expires", "Last used", "Last 7 days", "Created"] as const;

/** The id of a key's row, for moving focus to it. */
export const keyRowId = (keyId: string) => `api-key-${keyId}`;

const muted = "text-xs text-zinc-600 dark:text-zinc-400";

function KeyCell({ label, children, className = "" }: { label: (typeof KEY_COLUMNS)[number]; children: ReactNode; className?: string }) {
  return (
    <td role="cell" className={`col-span-2 flex gap-3 @3xl:table-cell @3xl:px-3 @3xl:py-3 @3xl:align-top ${className}`}>
      {/* In a card the column header is not on screen; screen readers get it from the table. */}
      <span aria-hidden="true" className="w-24 shrink-0 text-zinc-600 @3xl:hidden dark:text-zinc-400">
        {label}
      </span>
      <span className="min-w-0">{children}</span>
    </td>
  );
}

/** "Expires in 3 days" for an active key that expires within EXPIRES_SOON_DAYS, else nothing. */
function ExpiresSoonBadge({ apiKey }: { apiKey: Pick<ApiKeyDto, "status" | "expiresAt"> }) {
  const { now } = useNow();
  if (apiKey.status !== "active" || !apiKey.expiresAt || now === null) return null;
  const left = Date.parse(apiKey.expiresAt) - now;
  // In whole days, rounded: a key created "for 7 days" a moment ago is marked, and says 7.
  const days = Math.round(left / 86_400_000);
  if (days > EXPIRES_SOON_DAYS) return null;
  return (
    <span className="inline-flex items-center rounded-full border border-amber-700 bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100">
      Expires {formatRelative(apiKey.expiresAt, now)}
    </span>
  );
}

type Props = {
  apiKey: ApiKeyDto;
  workspaceId: string;
  /** false: this person may not rename keys (members). */
  canRename: boolean;
  actions?: ReactNode;
};

export function KeyRow({ apiKey, workspaceId, canRename, actions }: Props) {
  const previous = apiKey.previousSecret;
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
        className="col-start-1 row-start-1 font-medium wrap-anywhere whitespace-pre-wrap @3xl:table-cell @3xl:max-w-56 @3xl:px-3 @3xl:py-3 @3xl:align-top"
      >
        <KeyDescriptionEditor
          apiKey={apiKey}
          workspaceId={workspaceId}
          canRename={canRename}
          inList={{
            name: (
              <span className="block">
                <Link href={keyHref(apiKey.id)} className={linkClass}>
                  {apiKey.description}
                </Link>
              </span>
            ),
          }}
        />
        <span className="mt-1.5 flex flex-wrap gap-1.5 font-normal whitespace-normal">
          <KeyBadges apiKey={apiKey} />
          <ExpiresSoonBadge apiKey={apiKey} />
        </span>
      </th>
      <KeyCell label="Key">
        <span className="font-mono text-xs whitespace-nowrap">{apiKey.hint}</span>
        {previous && (
          <span className={`mt-1.5 block max-w-52 ${muted}`}>
            Previous <span className="font-mono whitespace-nowrap">{previous.hint}</span>
            <span className="block">
              last used {previous.lastUsedAt ? <RelativeTime iso={previous.lastUsedAt} /> : "never"}
              {previous.lastUsedIp && (
                <>
                  {" "}
                  from <span className="font-mono wrap-anywhere">{previous.lastUsedIp}</span>
                </>
              )}
            </span>
            <span className="block">
              retires at the latest <DateTime iso={previous.expiresAt} stacked />
            </span>
          </span>
        )}
      </KeyCell>
      <KeyCell label="Expires" className="@3xl:whitespace-nowrap">
        {apiKey.expiresAt ? <DateTime iso={apiKey.expiresAt} stacked /> : "Never"}
      </KeyCell>
      <KeyCell label="Last used" className="@3xl:whitespace-nowrap">
        {apiKey.lastUsedAt ? <RelativeTime iso={apiKey.lastUsedAt} /> : "Never"}
        {apiKey.lastUsedIp && (
          <span className={`block ${muted}`}>
            from <span className="font-mono wrap-anywhere">{apiKey.lastUsedIp}</span>
          </span>
        )}
      </KeyCell>
      <KeyCell label="Last 7 days">
        <UsageSparkline workspaceId={workspaceId} keyId={apiKey.id} width={88} listed />
      </KeyCell>
      <KeyCell label="Created">
        <RelativeTime iso={apiKey.createdAt} />
        <span className={`block wrap-anywhere ${muted}`}>by {apiKey.createdBy.name}</span>
        <span className={`block wrap-anywhere ${muted}`}>{apiKey.createdBy.email}</span>
      </KeyCell>
      {actions !== undefined && (
        <td
          role="cell"
          className="col-start-2 row-start-1 -my-1.5 flex flex-wrap justify-end gap-1 @3xl:table-cell @3xl:px-3 @3xl:py-1.5 @3xl:align-top"
        >
          <span className="flex flex-col items-stretch gap-1">{actions}</span>
        </td>
      )}
    </tr>
  );
}

/** The list around the rows: a table with a caption and column headers (hidden in card layout). */
export function KeyTable({ caption, withActions, children }: { caption: string; withActions: boolean; children: ReactNode }) {
  return (
    <div className="@container mt-4">
      <div className="relative @3xl:overflow-hidden @3xl:rounded-lg @3xl:border @3xl:border-zinc-200 @3xl:dark:border-zinc-800">
        <table role="table" className="block w-full text-left text-sm @3xl:table">
          <caption className="sr-only">{caption}</caption>
          <thead
            role="rowgroup"
            className="sr-only bg-zinc-50 text-xs text-zinc-600 uppercase @3xl:not-sr-only @3xl:table-header-group dark:bg-zinc-900 dark:text-zinc-400"
          >
            <tr role="row">
              <th scope="col" role="columnheader" className="px-3 py-3 font-medium">
                Description
              </th>
              {KEY_COLUMNS.map((column) => (
                <th key={column} scope="col" role="columnheader" className="px-3 py-3 font-medium">
                  {column}
                </th>
              ))}
              {withActions && (
                <th scope="col" role="columnheader" className="px-3 py-3 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody
            role="rowgroup"
            className="block space-y-3 @3xl:table-row-group @3xl:space-y-0 @3xl:divide-y @3xl:divide-zinc-200 @3xl:dark:divide-zinc-800"
          >
            {children}
          </tbody>
        </table>
      </div>
    </div>
  );
}
