"use client";
// The usage chart's bars (recharts), in a chunk of their own that the key's page loads after its
// content (usage-chart.tsx): hours or days on the x axis, requests stacked by outcome, and a
// tooltip with the bucket's exact time and counts.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import type { Labels } from "./usage-chart";
import { OUTCOMES, type UsageDto } from "./use-key-usage";

type Bucket = UsageDto["buckets"][number];

export default function UsageBars({ buckets, labels }: { buckets: Bucket[]; labels: Labels }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 240 }}>
      <BarChart data={buckets} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="var(--usage-grid)" />
        <XAxis
          dataKey="start"
          tickFormatter={labels.short}
          tick={{ fill: "var(--usage-axis)", fontSize: 12 }}
          stroke="var(--usage-grid)"
          minTickGap={12}
        />
        <YAxis allowDecimals={false} width={44} tick={{ fill: "var(--usage-axis)", fontSize: 12 }} stroke="var(--usage-grid)" />
        <Tooltip
          cursor={{ fill: "var(--usage-grid)", opacity: 0.5 }}
          content={(props) => <ChartTooltip active={props.active} payload={props.payload} labels={labels} />}
        />
        {OUTCOMES.map((outcome) => (
          <Bar
            key={outcome.key}
            dataKey={outcome.key}
            name={outcome.label}
            stackId="usage"
            fill={outcome.color}
            stroke="var(--usage-gap)"
            strokeWidth={1}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

function ChartTooltip({
  active,
  payload,
  labels,
}: Pick<TooltipContentProps<ValueType, NameType>, "active" | "payload"> & { labels: Labels }) {
  if (!active || !payload?.length) return null;
  const bucket = payload[0]?.payload as Bucket | undefined;
  if (!bucket) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs shadow-md dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">{labels.long(bucket.start)}</p>
      <p className="text-zinc-600 dark:text-zinc-400">{labels.utc(bucket.start)}</p>
      <ul className="mt-1 space-y-0.5">
        {OUTCOMES.map((outcome) => (
          <li key={outcome.key} className="flex items-center gap-1.5">
            <span aria-hidden className={`inline-block size-2.5 rounded-sm ${outcome.swatch}`} />
            {outcome.label}: <span className="font-medium tabular-nums">{bucket[outcome.key].toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
