"use client";
// One API key in the list, on one line where the list is wide (a table row: the description and
// its badges, the hint, last used, expiry, the last 7 days, created, and the ⋯ menu); where it is
// narrow (below 48rem of the list's own width: phones, tablets with the navigation beside it,
// 200 % zoom) the same row is a short card: the description and the menu, then the facts on one
// or two wrapped lines, each with its label. The row keeps its table roles either way (set
// explicitly, because CSS display changes can drop them). While a roll runs, the hint gets a second
// line: the previous secret and when it was last used. Who created the key, where it was used from
// and when a previous secret retires are on the key's page, one click away. To add a column: add
// it to KEY_COLUMNS and a <KeyCell> below, in the same order.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import type { OnDone } from "@/components/ui/hand-over";
import { keyHref, linkClass } from "@/components/ui/link-styles";
import { useNow } from "@/components/ui/now";
import { RelativeTime } from "@/components/ui/time";
import { EXPIRES_SOON_DAYS } from "./expiry";
import { KeyActionsMenu } from "./key-actions-menu";
import { KeyBadges } from "./key-badges";
import { KeyDescriptionEditor } from "./key-description-editor";
import type { Rolled } from "./roll-note";
import type { ApiKeyDto } from "./types";
import { UsageSparkline } from "./usage-sparkline";

const KEY_COLUMNS = ["Key", "Last used", "Expires", "Last 7 days", "Created"] as const;

/** The id of a key's row, for moving focus to it. */
export const keyRowId = (keyId: string) => `api-key-${keyId}`;

function KeyCell({
  label,
  children,
  className = "",
  labelInCard = true,
}: {
  label: (typeof KEY_COLUMNS)[number];
  children: ReactNode;
  className?: string;
  /** false: the value speaks for itself in a card (the hint, the chart), so no label takes room. */
  labelInCard?: boolean;
}) {
  return (
    <td role="cell" className={`order-3 whitespace-nowrap @3xl:table-cell @3xl:px-3 @3xl:py-1.5 @3xl:align-middle ${className}`}>
      {/* In a card the column header is not on screen; screen readers get it from the table. */}
      <span aria-hidden="true" className={labelInCard ? "text-zinc-600 @3xl:hidden dark:text-zinc-400" : "hidden"}>
        {label}{" "}
      </span>
      {children}
    </td>
  );
}

/** When the key expires; within EXPIRES_SOON_DAYS of it (and still active), marked. */
function Expiry({ apiKey }: { apiKey: Pick<ApiKeyDto, "status" | "expiresAt"> }) {
  const { now } = useNow();
  if (!apiKey.expiresAt) return <>Never</>;
  // In whole days, rounded: a key created "for 7 days" a moment ago is marked, and says 7.
  const soon =
    apiKey.status === "active" && now !== null && Math.round((Date.parse(apiKey.expiresAt) - now) / 86_400_000) <= EXPIRES_SOON_DAYS;
  if (!soon) return <RelativeTime iso={apiKey.expiresAt} />;
  return (
    <span className="rounded-full border border-amber-700 bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100">
      <RelativeTime iso={apiKey.expiresAt} />
    </span>
  );
}

/**
 * The key's name, linking to its page. Prefetched when the pointer or focus comes to it, not for
 * every row on screen: a list of 20 keys does not fetch 20 pages.
 */
function KeyLink({ apiKey }: { apiKey: ApiKeyDto }) {
  const router = useRouter();
  const href = keyHref(apiKey.id);
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      href={href}
      prefetch={false}
      onPointerEnter={prefetch}
      onFocus={prefetch}
      title={apiKey.description}
      className={`block max-w-full truncate ${linkClass}`}
    >
      {apiKey.description}
    </Link>
  );
}

type Props = {
  apiKey: ApiKeyDto;
  workspaceId: string;
  /** What the row's ⋯ menu offers this person; null (members): no menu. */
  may: { roll: boolean; rename: boolean; revoke: boolean } | null;
  rollIdleSeconds: number;
  onRolled: OnDone<Rolled>;
  onRevoked: OnDone<ApiKeyDto>;
  /** The menu's button (null when it goes), for giving focus back to it after a roll's reveal. */
  registerMenu: (button: HTMLButtonElement | null) => void;
};

export function KeyRow({ apiKey, workspaceId, may, rollIdleSeconds, onRolled, onRevoked, registerMenu }: Props) {
  const [renaming, setRenaming] = useState(false);
  const menu = useRef<HTMLButtonElement | null>(null);
  return (
    <tr
      id={keyRowId(apiKey.id)}
      role="row"
      tabIndex={-1}
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-zinc-200 px-3 py-2.5 text-sm focus:outline-2 focus:-outline-offset-2 focus:outline-blue-600 @3xl:table-row @3xl:rounded-none @3xl:border-0 @3xl:p-0 dark:border-zinc-800"
    >
      <th
        scope="row"
        role="rowheader"
        className="order-1 min-w-0 flex-1 basis-[calc(100%-3rem)] text-left font-medium @3xl:table-cell @3xl:w-full @3xl:max-w-0 @3xl:px-3 @3xl:py-1.5 @3xl:align-middle"
      >
        <KeyDescriptionEditor
          apiKey={apiKey}
          workspaceId={workspaceId}
          canRename={!!may?.rename}
          inList={{
            name: (
              <span className="flex flex-wrap items-center gap-x-2 gap-y-1 font-normal @3xl:flex-nowrap">
                <span className="max-w-full min-w-0 font-medium">
                  <KeyLink apiKey={apiKey} />
                </span>
                <span className="@3xl:shrink-0">
                  <KeyBadges apiKey={apiKey} />
                </span>
              </span>
            ),
            editing: renaming,
            onEditingChange: setRenaming,
            returnFocus: () => menu.current?.focus(),
          }}
        />
      </th>
      <KeyCell label="Key" labelInCard={false}>
        <span className="font-mono text-xs">{apiKey.hint}</span>
        {/* While a roll runs: is the previous secret still in use? (The rest is on the key's page.) */}
        {apiKey.previousSecret && (
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">
            Previous <span className="font-mono">{apiKey.previousSecret.hint}</span>, last used{" "}
            {apiKey.previousSecret.lastUsedAt ? <RelativeTime iso={apiKey.previousSecret.lastUsedAt} /> : "never"}
          </span>
        )}
      </KeyCell>
      <KeyCell label="Last used">{apiKey.lastUsedAt ? <RelativeTime iso={apiKey.lastUsedAt} /> : "Never"}</KeyCell>
      <KeyCell label="Expires">
        <Expiry apiKey={apiKey} />
      </KeyCell>
      <KeyCell label="Last 7 days" labelInCard={false}>
        <UsageSparkline workspaceId={workspaceId} keyId={apiKey.id} width={80} height={22} listed />
      </KeyCell>
      {/* Not in a card, to keep it short: the key's page says when and by whom. */}
      <KeyCell label="Created" className="hidden">
        <RelativeTime iso={apiKey.createdAt} />
      </KeyCell>
      {may && (
        <td role="cell" className="order-2 shrink-0 self-start @3xl:table-cell @3xl:px-2 @3xl:py-0.5 @3xl:align-middle">
          <KeyActionsMenu
            ref={(button) => {
              menu.current = button;
              registerMenu(button);
            }}
            apiKey={apiKey}
            workspaceId={workspaceId}
            rollIdleSeconds={rollIdleSeconds}
            may={may}
            onRename={() => setRenaming(true)}
            onRolled={onRolled}
            onRevoked={onRevoked}
          />
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
              <th scope="col" role="columnheader" className="px-3 py-2 font-medium">
                Description
              </th>
              {KEY_COLUMNS.map((column) => (
                <th key={column} scope="col" role="columnheader" className="px-3 py-2 font-medium whitespace-nowrap">
                  {column}
                </th>
              ))}
              {withActions && (
                <th scope="col" role="columnheader" className="px-2 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody
            role="rowgroup"
            className="block space-y-2 @3xl:table-row-group @3xl:space-y-0 @3xl:divide-y @3xl:divide-zinc-200 @3xl:dark:divide-zinc-800"
          >
            {children}
          </tbody>
        </table>
      </div>
    </div>
  );
}
