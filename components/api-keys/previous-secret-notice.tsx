"use client";
// On a key's page while a roll runs: the previous secret still works, until when at the latest,
// and when it was last used and from where.
import { DateTime } from "@/components/ui/time";
import { formatDuration } from "./duration";
import type { ApiKeyDto } from "./types";

type Props = { previous: NonNullable<ApiKeyDto["previousSecret"]>; rollIdleSeconds: number };

export function PreviousSecretNotice({ previous, rollIdleSeconds }: Props) {
  return (
    <section
      aria-label="Previous secret"
      className="rounded-md border border-blue-300 bg-blue-50 px-4 py-3 text-sm text-blue-950 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-50"
    >
      <p className="font-medium">
        Rolling: the previous secret <code className="font-mono text-xs">{previous.hint}</code> still works.
      </p>
      <p className="mt-1">
        It retires at the latest <DateTime iso={previous.expiresAt} />, and earlier once the new secret is in use and the previous one has
        been idle for {formatDuration(rollIdleSeconds)}.
      </p>
      <p className="mt-1">
        Previous secret last used:{" "}
        {previous.lastUsedAt ? (
          <>
            <DateTime iso={previous.lastUsedAt} />
            {previous.lastUsedIp && (
              <>
                {" "}
                from <span className="font-mono text-xs">{previous.lastUsedIp}</span>
              </>
            )}
          </>
        ) : (
          "never"
        )}
      </p>
    </section>
  );
}
