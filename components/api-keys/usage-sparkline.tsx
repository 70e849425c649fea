"use client";
// A key's last 7 days at a glance (daily requests, stacked by outcome), small enough for a row of
// the key list. Screen readers get the totals as the image's name. In the list every row reads
// the one usage request of the page (`listed`); on a key's page it reads the key's own usage.
import dynamic from "next/dynamic";
import { sumOf, USAGE_COLOURS, useKeyUsage, useListedKeyUsage, type UsageDto } from "./use-key-usage";

// The bars' library (recharts) is loaded after the page, in its own chunk: the list is usable before
// it arrives, and the box keeps its size meanwhile.
const SparklineBars = dynamic(() => import("./sparkline-bars"), { ssr: false });

type Props = { workspaceId: string; keyId: string; width?: number; height?: number; listed?: boolean };

export function UsageSparkline({ listed = false, ...props }: Props) {
  return listed ? <ListedSparkline {...props} /> : <KeySparkline {...props} />;
}

function ListedSparkline({ workspaceId, keyId, ...size }: Omit<Props, "listed">) {
  const usage = useListedKeyUsage(workspaceId, keyId);
  return <Sparkline {...size} state={usage.isPending ? "pending" : usage.isError ? "error" : usage.data} />;
}

function KeySparkline({ workspaceId, keyId, ...size }: Omit<Props, "listed">) {
  const usage = useKeyUsage(workspaceId, keyId, "7d");
  return <Sparkline {...size} state={usage.isPending ? "pending" : usage.isError ? "error" : usage.data} />;
}

type Usage = Pick<UsageDto, "buckets" | "totals">;

/** `null`: a key the list's usage has not seen yet (just created): no requests. */
function Sparkline({ width = 96, height = 28, state }: { width?: number; height?: number; state: "pending" | "error" | Usage | null }) {
  const box = { width, height };
  if (state === "pending")
    return (
      <span
        role="img"
        aria-label="Loading usage of the last 7 days"
        style={box}
        className="inline-block animate-pulse rounded bg-zinc-100 align-middle dark:bg-zinc-800"
      />
    );
  if (state === "error") return <span className="text-xs text-zinc-600 dark:text-zinc-400">Usage unavailable</span>;
  const totals = state?.totals ?? { ok: 0, rateLimited: 0, denied: 0, forbidden: 0, blockedNetwork: 0 };
  const total = sumOf(totals);
  const label =
    total === 0
      ? "No requests in the last 7 days"
      : `Last 7 days: ${total.toLocaleString()} requests, ${totals.ok.toLocaleString()} OK, ${totals.rateLimited.toLocaleString()} rate limited, ${totals.denied.toLocaleString()} denied, ${totals.forbidden.toLocaleString()} forbidden, ${totals.blockedNetwork.toLocaleString()} blocked by network`;
  return (
    <span role="img" aria-label={label} title={label} className={`inline-block align-middle ${USAGE_COLOURS}`} style={box}>
      {total === 0 || !state ? (
        <span aria-hidden className="block h-full border-b border-dashed border-zinc-400 dark:border-zinc-600" />
      ) : (
        <SparklineBars width={width} height={height} buckets={state.buckets} />
      )}
    </span>
  );
}
