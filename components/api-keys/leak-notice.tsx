"use client";
// On a key's page: a scanner (GitHub secret scanning, the public revocation endpoint) reported a
// secret of this key: who, when, where.
import { DateTime } from "@/components/ui/date-time";
import type { ApiKeyDto } from "./types";

export function LeakNotice({ exposure }: { exposure: NonNullable<ApiKeyDto["exposure"]> }) {
  return (
    <div className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="font-medium">Reported as leaked</p>
      <p className="mt-1">
        {exposure.source} reported a secret of this key <DateTime iso={exposure.reportedAt} />
        {exposure.url && (
          <>
            {" "}
            at <span className="break-all">{exposure.url}</span>
          </>
        )}
        . A reported current secret revokes the key at once.
      </p>
    </div>
  );
}
