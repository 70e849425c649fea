"use client";
// A key's facts on its page: when it expires, who created it and when, its last use (time,
// address, user agent) and, once revoked, when. Owners and admins set, move or remove an active
// key's expiry here.
import { DateTime } from "@/components/ui/time";
import { ExpiryEditor } from "./expiry-editor";
import type { ApiKeyDto } from "./types";

export function KeyFacts({
  apiKey: key,
  workspaceId,
  canChangeExpiry,
  maxDays,
}: {
  apiKey: ApiKeyDto;
  workspaceId: string;
  canChangeExpiry: boolean;
  /** The workspace key policy's maximum lifetime in days, or null. */
  maxDays: number | null;
}) {
  return (
    <section aria-labelledby="key-facts-heading">
      <h2 id="key-facts-heading" className="sr-only">
        Details
      </h2>
      <dl className="grid gap-x-6 gap-y-4 rounded-lg border border-zinc-200 p-4 text-sm sm:grid-cols-2 sm:p-6 dark:border-zinc-800">
        <Fact term="Expires">
          {key.expiresAt ? (
            <>
              {key.status === "expired" && <span className="font-medium">Expired </span>}
              <DateTime iso={key.expiresAt} />
            </>
          ) : (
            "Never"
          )}
          {canChangeExpiry && key.status === "active" && (
            <span className="block">
              <ExpiryEditor workspaceId={workspaceId} apiKey={key} maxDays={maxDays} />
            </span>
          )}
        </Fact>
        <Fact term="Created">
          <DateTime iso={key.createdAt} />
          <span className="mt-1 block">
            by {key.createdBy.name} <span className="break-all text-zinc-600 dark:text-zinc-400">({key.createdBy.email})</span>
            {!key.createdBy.isMember && (
              <span className="ml-1.5 inline-block rounded-full border border-zinc-400 px-2 py-0.5 text-xs text-zinc-700 dark:border-zinc-500 dark:text-zinc-300">
                no longer a member
              </span>
            )}
          </span>
        </Fact>
        <Fact term="Last used">
          {key.lastUsedAt ? (
            <>
              <DateTime iso={key.lastUsedAt} />
              {key.lastUsedIp && (
                <span className="mt-1 block">
                  from <span className="font-mono text-xs">{key.lastUsedIp}</span>
                </span>
              )}
              {key.lastUsedUserAgent && (
                <span className="mt-1 block text-xs break-words text-zinc-600 dark:text-zinc-400">{key.lastUsedUserAgent}</span>
              )}
            </>
          ) : (
            "Never"
          )}
        </Fact>
        {key.revokedAt && (
          <Fact term="Revoked">
            <DateTime iso={key.revokedAt} />
          </Fact>
        )}
      </dl>
    </section>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}
