// A key's status in words (colour only repeats it): Active, Expired or Revoked, and Rolling while
// a roll's previous secret still works; its access in a word (Full access, Read only, Custom); and,
// when it has allowed networks, Restricted (enforced) or Report only; Outside policy when it breaks
// the workspace's key policy (its page says the fix); Unused, with when, while the policy's
// unused-key rule has warned it (a request before then keeps it).
import { accessLabel } from "@/lib/api-keys/permissions";
import { RelativeTime } from "@/components/ui/time";
import type { ApiKeyDto } from "./types";

const STATUS = {
  active: {
    label: "Active",
    className: "border-emerald-700 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-200",
  },
  expired: {
    label: "Expired",
    className: "border-amber-700 bg-amber-50 text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-200",
  },
  revoked: { label: "Revoked", className: "border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-200" },
} as const;

const badge = "inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium";

export function KeyBadges({
  apiKey,
}: {
  apiKey: Pick<ApiKeyDto, "status" | "previousSecret" | "permissions" | "networkMode" | "policyViolations" | "unusedRevocationAt">;
}) {
  const status = STATUS[apiKey.status];
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      <span className={`${badge} ${status.className}`}>
        <span className="sr-only">Status: </span>
        {status.label}
      </span>
      {apiKey.previousSecret && (
        <span className={`${badge} border-blue-700 bg-blue-50 text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-200`}>
          Rolling
        </span>
      )}
      <span className={`${badge} border-zinc-400 bg-white text-zinc-800 dark:border-zinc-500 dark:bg-zinc-900 dark:text-zinc-200`}>
        <span className="sr-only">Access: </span>
        {accessLabel(apiKey.permissions)}
      </span>
      {apiKey.networkMode && (
        <span className={`${badge} border-zinc-400 bg-white text-zinc-800 dark:border-zinc-500 dark:bg-zinc-900 dark:text-zinc-200`}>
          <span className="sr-only">Networks: </span>
          {apiKey.networkMode === "report" ? "Report only" : "Restricted"}
        </span>
      )}
      {apiKey.policyViolations.length > 0 && (
        <span
          className={`${badge} border-amber-700 bg-amber-50 text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-200`}
        >
          Outside policy
        </span>
      )}
      {apiKey.unusedRevocationAt && (
        <span className={`${badge} border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-200`}>
          Unused · revoked&nbsp;
          <RelativeTime iso={apiKey.unusedRevocationAt} />
        </span>
      )}
    </span>
  );
}
