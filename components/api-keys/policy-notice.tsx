// On a key's page: which rules of the workspace's key policy the key breaks, and the fix for each;
// and, when the unused-key rule has warned it, when it will be revoked and how to keep it.
// A tightened policy never changes a key; this is where a person learns what to change.
import Link from "next/link";
import { DateTime } from "@/components/ui/time";
import type { ApiKeyDto } from "./types";

const FIXES = {
  maxLifetime: "It never expires, or expires later than the policy allows: set an expiry within the maximum lifetime (Expires, above).",
  allowedNetworks: "It has no allowed networks, which the policy requires: add the addresses it is used from (Networks, below).",
} as const;

export function PolicyNotice({ apiKey }: { apiKey: Pick<ApiKeyDto, "policyViolations" | "unusedRevocationAt"> }) {
  return (
    <>
      {apiKey.unusedRevocationAt && <UnusedNotice revocationAt={apiKey.unusedRevocationAt} />}
      {apiKey.policyViolations.length > 0 && <Violations violations={apiKey.policyViolations} />}
    </>
  );
}

function UnusedNotice({ revocationAt }: { revocationAt: string }) {
  return (
    <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="font-medium">
        This key has not been used for a while: the workspace&apos;s{" "}
        <Link href="/settings/developer/key-policy" className="underline underline-offset-2">
          key policy
        </Link>{" "}
        revokes it on <DateTime iso={revocationAt} />.
      </p>
      <p className="mt-1">Any request made with it before then keeps it. If nothing uses it any more, revoke it now.</p>
    </div>
  );
}

function Violations({ violations }: { violations: ApiKeyDto["policyViolations"] }) {
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-medium">
        This key is outside the workspace&apos;s{" "}
        <Link href="/settings/developer/key-policy" className="underline underline-offset-2">
          key policy
        </Link>
        . It keeps working; fix it when you can.
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {violations.map((violation) => (
          <li key={violation}>{FIXES[violation]}</li>
        ))}
      </ul>
    </div>
  );
}
