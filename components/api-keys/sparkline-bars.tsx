"use client";
// A sparkline's bars (recharts): daily requests stacked by outcome, no axes. In a chunk of its own
// (usage-sparkline.tsx loads it after the page).
import { Bar, BarChart } from "recharts";
import { OUTCOMES, type UsageDto } from "./use-key-usage";

export default function SparklineBars({ width, height, buckets }: { width: number; height: number; buckets: UsageDto["buckets"] }) {
  return (
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
  );
}
