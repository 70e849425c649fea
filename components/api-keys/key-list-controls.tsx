"use client";
// Finding a key in a long list: a search box (rows whose description and hint do not match leave
// the list) and the order (newest first, most recently used, or soonest to expire). Both only
// change what is shown; the count above the list stays the workspace's.
import { useId } from "react";
import type { ApiKeyDto } from "./types";

const KEY_ORDERS = [
  { value: "created", label: "Newest first" },
  { value: "lastUsed", label: "Recently used" },
  { value: "expiry", label: "Expires soonest" },
] as const;
export type KeyOrder = (typeof KEY_ORDERS)[number]["value"];

const fold = (text: string) => text.normalize("NFKC").toLocaleLowerCase("en");
const time = (iso: string | null, missing: number) => (iso ? Date.parse(iso) : missing);

/** The keys to show for a search and an order (ties keep the list's order: newest first). */
export function shownKeys(keys: readonly ApiKeyDto[], search: string, order: KeyOrder): ApiKeyDto[] {
  const wanted = fold(search.trim());
  const matching = wanted ? keys.filter((key) => fold(key.description).includes(wanted) || fold(key.hint).includes(wanted)) : [...keys];
  if (order === "lastUsed") return matching.sort((a, b) => time(b.lastUsedAt, -Infinity) - time(a.lastUsedAt, -Infinity));
  if (order === "expiry") return matching.sort((a, b) => time(a.expiresAt, Infinity) - time(b.expiresAt, Infinity));
  return matching;
}

export function KeyListControls({
  search,
  order,
  shown,
  total,
  onSearch,
  onOrder,
}: {
  search: string;
  order: KeyOrder;
  shown: number;
  total: number;
  onSearch: (search: string) => void;
  onOrder: (order: KeyOrder) => void;
}) {
  const ids = { search: useId(), order: useId() };
  const field =
    "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-950";
  return (
    <div className="mt-5">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="relative min-w-0 flex-1 basis-56">
          {/* The field's name is "Search keys"; the placeholder says what it matches. */}
          <label htmlFor={ids.search} className="sr-only">
            Search keys
          </label>
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-500"
          >
            <circle cx="7" cy="7" r="4.5" />
            <path d="m10.5 10.5 3.5 3.5" />
          </svg>
          <input
            id={ids.search}
            type="search"
            value={search}
            onChange={(e) => onSearch(e.target.value)}
            placeholder="Search by description or hint"
            autoComplete="off"
            spellCheck={false}
            className={`w-full pl-8 ${field}`}
          />
        </div>
        <div className="flex items-center gap-2">
          <label htmlFor={ids.order} className="text-sm font-medium whitespace-nowrap">
            Sort by
          </label>
          <select id={ids.order} value={order} onChange={(e) => onOrder(e.target.value as KeyOrder)} className={field}>
            {KEY_ORDERS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="mt-2 text-sm text-zinc-600 empty:mt-0 dark:text-zinc-400" aria-live="polite">
        {search.trim() ? `${shown} of ${total} ${total === 1 ? "key matches" : "keys match"} “${search.trim()}”.` : ""}
      </p>
    </div>
  );
}
