// What a key's page says about what can still be done with the key: nothing for members (with
// the reasons from the permission table), nothing more once it is revoked, no roll once it expired.
import type { Allowance } from "./types";

const neutral =
  "rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300";

export function ReadOnlyNotice({ reasons }: { reasons: Allowance[] }) {
  return (
    <div className={neutral}>
      <p className="font-medium text-zinc-900 dark:text-zinc-100">You can see this key but not change it.</p>
      <ul className="mt-1 list-disc pl-5">
        {reasons
          .filter((allowance) => !allowance.allowed)
          .map((allowance) => (
            <li key={allowance.reason}>{allowance.reason}</li>
          ))}
      </ul>
    </div>
  );
}

export function RevokedNotice() {
  return (
    <p className={neutral}>This key is revoked: requests with it fail, and it can no longer be renamed or rolled. Add a new key instead.</p>
  );
}

export function ExpiredNotice() {
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      This key has expired: requests with it fail, and it cannot be rolled. Add a new key and revoke this one.
    </p>
  );
}
