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
    "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-950";
  return (
    <div className="mt-8 flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 basis-56">
        <label htmlFor={ids.search} className="block text-sm font-medium">
          Search keys
        </label>
        <input
          id={ids.search}
          type="search"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          placeholder="Description or hint"
          autoComplete="off"
          spellCheck={false}
          className={`mt-1 w-full ${field}`}
        />
      </div>
      <div>
        <label htmlFor={ids.order} className="block text-sm font-medium">
          Sort by
        </label>
        <select id={ids.order} value={order} onChange={(e) => onOrder(e.target.value as KeyOrder)} className={`mt-1 ${field}`}>
          {KEY_ORDERS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <p className="w-full text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {search.trim() ? `${shown} of ${total} ${total === 1 ? "key matches" : "keys match"} “${search.trim()}”.` : ""}
      </p>
    </div>
  );
}
