"use client";
// A key's requests by outcome: stacked bars per hour (24 h) or per UTC day (7 and 30 days), the
// totals as the legend, and the same numbers as a table (hidden visually unless asked for, always
// there for screen readers). Kept fresh every few seconds while the page is visible. The bars
// themselves are usage-bars.tsx.
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { formatHour, formatUtc, formatUtcDay, timeZoneName } from "@/lib/ui/time";
import { Button } from "@/components/ui/button";
import { useNow } from "@/components/ui/now";
import { OUTCOMES, RANGE_WORDS, sumOf, USAGE_COLOURS, useKeyUsage, type UsageDto, type UsageRange } from "./use-key-usage";

// The chart's library (recharts) is loaded after the page, in its own chunk; its box keeps its size
// meanwhile, so nothing moves when the bars arrive.
const UsageBars = dynamic(() => import("./usage-bars"), { ssr: false });

const RANGES: UsageRange[] = ["24h", "7d", "30d"];
const RANGE_BUTTONS: Record<UsageRange, string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days" };

/**
 * Bucket labels: hours in the reader's time zone ("9 AM"; "Dec 7, 9:00 AM EST"), days as the
 * API counts them, by UTC day ("Dec 7"; "Mon, Dec 7 (UTC)"). `utc` is each bucket's start in
 * UTC, for the tooltip of the table's rows. Until mounted (no time zone yet), hours are in UTC.
 */
function bucketLabels(range: UsageRange, mounted: boolean) {
  const zone = mounted ? undefined : "UTC";
  if (range === "24h")
    return {
      short: (start: string) => formatHour(start, "short", zone),
      long: (start: string) => formatHour(start, "long", zone),
      utc: formatUtc,
    };
  return {
    short: (start: string) => formatUtcDay(start, "short"),
    long: (start: string) => `${formatUtcDay(start, "long")} (UTC)`,
    utc: (start: string) => `UTC day from ${formatUtc(start)}`,
  };
}

export function UsageChart({ workspaceId, keyId }: { workspaceId: string; keyId: string }) {
  const [range, setRange] = useState<UsageRange>("24h");
  const [asTable, setAsTable] = useState(false);
  const usage = useKeyUsage(workspaceId, keyId, range, { live: true });
  const ids = { heading: useId(), totals: useId(), table: useId() };
  const data = usage.data; // while another range loads, the previous one stays (placeholderData)
  const { mounted } = useNow();
  const labels = bucketLabels(data?.range ?? range, mounted);

  return (
    <section aria-labelledby={ids.heading} className={`rounded-lg border border-zinc-200 p-4 sm:p-6 dark:border-zinc-800 ${USAGE_COLOURS}`}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={ids.heading} className="text-lg font-semibold">
          Usage
        </h2>
        <fieldset className="flex">
          <legend className="sr-only">Time range</legend>
          <div className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
            {RANGES.map((value) => (
              <label
                key={value}
                className="cursor-pointer rounded px-3 py-1.5 text-sm font-medium text-zinc-700 has-checked:bg-zinc-900 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-blue-600 dark:text-zinc-300 dark:has-checked:bg-zinc-100 dark:has-checked:text-zinc-900"
              >
                <input
                  type="radio"
                  name={`${ids.heading}-range`}
                  value={value}
                  checked={range === value}
                  onChange={() => setRange(value)}
                  className="sr-only"
                />
                {RANGE_BUTTONS[value]}
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      {usage.isPending ? (
        <div role="status" className="mt-4">
          <span className="sr-only">Loading usage…</span>
          <div aria-hidden className="h-6 w-72 max-w-full animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
          <div aria-hidden className="mt-4 h-56 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" />
        </div>
      ) : usage.isError && !data ? (
        <div
          role="alert"
          className="mt-4 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <span>Could not load the usage: {usage.error.message}</span>
          <Button variant="secondary" onClick={() => void usage.refetch()}>
            Retry
          </Button>
        </div>
      ) : data ? (
        <>
          <Totals data={data} id={ids.totals} />
          {usage.isError && (
            <p role="alert" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
              Could not refresh the usage ({usage.error.message}); showing what was loaded before.
            </p>
          )}
          {sumOf(data.totals) === 0 ? (
            <p className="mt-4 rounded-md border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              <span className="block font-medium text-zinc-900 dark:text-zinc-100">No requests in the last {RANGE_WORDS[data.range]}</span>
              Requests made with this key show up here within seconds.
            </p>
          ) : (
            <>
              {!asTable && (
                <div aria-hidden className="mt-4 h-60 w-full" data-testid="usage-chart">
                  <UsageBars buckets={data.buckets} labels={labels} />
                </div>
              )}
              <UsageTable data={data} labels={labels} id={ids.table} visible={asTable} />
              <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                <span>
                  {data.range === "24h" ? `Hourly, in your time zone (${mounted ? timeZoneName() : "UTC"}).` : "Daily, by UTC day."} The
                  last bar is still counting.
                </span>
                <Button variant="secondary" onClick={() => setAsTable((was) => !was)} aria-controls={ids.table} aria-expanded={asTable}>
                  {asTable ? "Show as chart" : "Show as table"}
                </Button>
              </div>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

function Totals({ data, id }: { data: UsageDto; id: string }) {
  return (
    <dl id={id} className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm">
      <div>
        <dt className="text-zinc-600 dark:text-zinc-400">Requests, last {RANGE_WORDS[data.range]}</dt>
        <dd className="text-xl font-semibold tabular-nums" data-testid="usage-total">
          {sumOf(data.totals).toLocaleString()}
        </dd>
      </div>
      {OUTCOMES.map((outcome) => (
        <div key={outcome.key}>
          <dt className="flex items-center gap-1.5 text-zinc-600 dark:text-zinc-400">
            <span aria-hidden className={`inline-block size-3 rounded-sm ${outcome.swatch}`} />
            {outcome.label}
          </dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid={`usage-${outcome.key}`}>
            {data.totals[outcome.key].toLocaleString()}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export type Labels = ReturnType<typeof bucketLabels>;

function UsageTable({ data, labels, id, visible }: { data: UsageDto; labels: Labels; id: string; visible: boolean }) {
  const unit = data.range === "24h" ? "Hour" : "Day";
  const caption = `Requests with this key per ${unit.toLowerCase()}, last ${RANGE_WORDS[data.range]}, oldest first`;
  return (
    // Shown, it scrolls: a keyboard can then reach and scroll it (a named region with a tab stop).
    <div
      id={id}
      {...(visible ? { tabIndex: 0, role: "region", "aria-label": caption } : {})}
      className={
        visible
          ? "mt-4 max-h-96 overflow-auto rounded-md border border-zinc-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-800"
          : "sr-only"
      }
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {unit}
            </th>
            {OUTCOMES.map((outcome) => (
              <th key={outcome.key} scope="col" className="px-3 py-2 text-right font-medium">
                {outcome.label}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Total
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {data.buckets.map((bucket) => (
            <tr key={bucket.start}>
              <th scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap">
                <time dateTime={bucket.start} title={labels.utc(bucket.start)}>
                  {labels.long(bucket.start)}
                </time>
              </th>
              {OUTCOMES.map((outcome) => (
                <td key={outcome.key} className="px-3 py-1.5 text-right tabular-nums">
                  {bucket[outcome.key].toLocaleString()}
                </td>
              ))}
              <td className="px-3 py-1.5 text-right tabular-nums">{sumOf(bucket).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
