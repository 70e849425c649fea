"use client";
// A key's last 7 days at a glance (daily requests, stacked by outcome), small enough for a row of
// the key list. Screen readers get the totals as the image's name.
import { Bar, BarChart } from "recharts";
import { OUTCOMES, sumOf, USAGE_COLOURS, useKeyUsage } from "./use-key-usage";

type Props = { workspaceId: string; keyId: string; width?: number; height?: number };

export function UsageSparkline({ workspaceId, keyId, width = 96, height = 28 }: Props) {
  const usage = useKeyUsage(workspaceId, keyId, "7d");
  const box = { width, height };
  if (usage.isPending)
    return (
      <span
        role="img"
        aria-label="Loading usage of the last 7 days"
        style={box}
        className="inline-block animate-pulse rounded bg-zinc-100 dark:bg-zinc-800"
      />
    );
  if (usage.isError) return <span className="text-xs text-zinc-600 dark:text-zinc-400">Usage unavailable</span>;
  const { totals, buckets } = usage.data;
  const total = sumOf(totals);
  const label =
    total === 0
      ? "No requests in the last 7 days"
      : `Last 7 days: ${total.toLocaleString()} requests, ${totals.ok.toLocaleString()} OK, ${totals.rateLimited.toLocaleString()} rate limited, ${totals.denied.toLocaleString()} denied`;
  return (
    <span role="img" aria-label={label} title={label} className={`inline-block align-middle ${USAGE_COLOURS}`} style={box}>
      {total === 0 ? (
        <span aria-hidden className="block h-full border-b border-dashed border-zinc-400 dark:border-zinc-600" />
      ) : (
        <BarChart
          width={width}
          height={height}
          data={buckets}
          margin={{ top: 1, right: 0, bottom: 0, left: 0 }}
          barCategoryGap={1}
          accessibilityLayer={false}
        >
          {OUTCOMES.map((outcome) => (
            <Bar key={outcome.key} dataKey={outcome.key} stackId="usage" fill={outcome.color} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </span>
  );
}
