"use client";
// Everything about one key: its name (renamable), status, expiry, creator, last use, the previous
// secret while a roll runs, usage and history; Roll and Revoke for owners and admins. The key is
// server-rendered first, then kept fresh from the REST API (the last use moves while you look).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import type { ActionResult } from "@/lib/ui/action-result";
import { queryKeys } from "@/lib/ui/query-keys";
import { getJson, workspacePath } from "@/lib/ui/rest";
import { DateTime } from "@/components/ui/date-time";
import { KeyHistory } from "@/components/audit-log/key-history";
import { linkClass } from "@/components/ui/link-styles";
import { formatDuration } from "./duration";
import { KeyBadges } from "./key-badges";
import { KeyDescriptionEditor } from "./key-description-editor";
import { RevealSecretDialog } from "./reveal-secret-dialog";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RollKeyDialog } from "./roll-key-dialog";
import { RollNote, type Rolled } from "./roll-note";
import type { Allowance, ApiKeyDto } from "./types";
import { UsageChart } from "./usage-chart";
import { UsageSparkline } from "./usage-sparkline";

/** The page's server actions; each takes the workspace id the page was rendered for. */
type KeyPageActions = {
  rename: (workspaceId: string, keyId: string, description: string) => Promise<ActionResult<ApiKeyDto>>;
  roll: (
    workspaceId: string,
    keyId: string,
    previousSecretExpiresInSeconds: number,
  ) => Promise<ActionResult<{ key: ApiKeyDto; secret: string }>>;
  revoke: (workspaceId: string, keyId: string) => Promise<ActionResult<ApiKeyDto>>;
};

type Props = {
  workspace: { id: string; name: string };
  initial: ApiKeyDto;
  permissions: { rename: Allowance; roll: Allowance; revoke: Allowance; auditLog: Allowance };
  actions: KeyPageActions;
  rollIdleSeconds: number;
  apiOrigin: string;
};

export function KeyDetails({ workspace, initial, permissions, actions, rollIdleSeconds, apiOrigin }: Props) {
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const rollButton = useRef<HTMLButtonElement>(null);
  const [rolled, setRolled] = useState<Rolled | null>(null);
  const ids = { details: useId(), history: useId() };
  const keyQuery = queryKeys.apiKey(workspace.id, initial.id);
  const query = useQuery({
    queryKey: keyQuery,
    queryFn: ({ signal }) => getJson<ApiKeyDto>(workspacePath(workspace.id, `/api-keys/${encodeURIComponent(initial.id)}`), signal),
    initialData: initial,
    staleTime: 10_000,
    refetchInterval: 30_000,
  });
  const key = query.data;

  /** After a change: the key as the server answered, and a fresh history and list. */
  function changed(next: ApiKeyDto) {
    queryClient.setQueryData(keyQuery, next);
    void queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(workspace.id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(workspace.id), exact: true });
  }

  // Revoking here removes the controls (and the dialog) with it: focus goes to the heading
  // when the key becomes revoked, so it never falls to the page's body.
  const revokedBefore = useRef(key.status === "revoked");
  useEffect(() => {
    if (key.status === "revoked" && !revokedBefore.current) heading.current?.focus();
    revokedBefore.current = key.status === "revoked";
  }, [key.status]);

  const canRename = permissions.rename.allowed && key.status !== "revoked";
  const canRoll = permissions.roll.allowed && key.status === "active";
  const canRevoke = permissions.revoke.allowed && key.status !== "revoked";
  const manager = permissions.roll.allowed;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-zinc-600 dark:text-zinc-400">
          <li>
            <Link href="/settings/developer/api-keys" className={linkClass}>
              API Keys
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li aria-current="page" className="min-w-0 truncate">
            {key.description}
          </li>
        </ol>
      </nav>

      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1 basis-72">
          <KeyDescriptionEditor
            ref={heading}
            description={key.description}
            rename={canRename ? (description) => actions.rename(workspace.id, key.id, description) : null}
            onRenamed={changed}
          />
          <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
            <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
              <span className="sr-only">Key hint: </span>
              {key.hint}
            </code>
            <KeyBadges apiKey={key} />
            <span className="inline-flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
              <span aria-hidden>Last 7 days</span>
              <UsageSparkline workspaceId={workspace.id} keyId={key.id} />
            </span>
          </div>
        </div>
        {(canRoll || canRevoke) && (
          <div className="flex flex-wrap gap-2">
            {canRoll && (
              <RollKeyDialog
                ref={rollButton}
                apiKey={key}
                rollIdleSeconds={rollIdleSeconds}
                roll={(seconds) => actions.roll(workspace.id, key.id, seconds)}
                onRolled={({ key: next, secret, graceSeconds }) => {
                  changed(next);
                  setRolled({
                    description: next.description,
                    secret,
                    previousHint: key.hint,
                    graceSeconds,
                    previousExpiresAt: next.previousSecret?.expiresAt ?? null,
                  });
                }}
              />
            )}
            {canRevoke && (
              <RevokeKeyDialog
                apiKey={key}
                workspaceId={workspace.id}
                // Takes no arguments on purpose: this page revokes exactly this key of this workspace,
                // whatever arguments the dialog passes.
                revoke={async () => {
                  const result = await actions.revoke(workspace.id, key.id);
                  if (result.ok) changed(result.data);
                  return result;
                }}
                onRevoked={() => heading.current?.focus()}
              />
            )}
          </div>
        )}
      </div>

      {!manager && (
        <div className="rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
          <p className="font-medium text-zinc-900 dark:text-zinc-100">You can see this key but not change it.</p>
          <ul className="mt-1 list-disc pl-5">
            {[permissions.rename, permissions.roll, permissions.revoke]
              .filter((allowance) => !allowance.allowed)
              .map((allowance) => (
                <li key={allowance.reason}>{allowance.reason}</li>
              ))}
          </ul>
        </div>
      )}
      {manager && key.status === "revoked" && (
        <p className="rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
          This key is revoked: requests with it fail, and it can no longer be renamed or rolled. Add a new key instead.
        </p>
      )}
      {manager && key.status === "expired" && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          This key has expired: requests with it fail, and it cannot be rolled. Add a new key and revoke this one.
        </p>
      )}

      {key.exposure && (
        <div className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-medium">Reported as leaked</p>
          <p className="mt-1">
            {key.exposure.source} reported a secret of this key <DateTime iso={key.exposure.reportedAt} />
            {key.exposure.url && (
              <>
                {" "}
                at <span className="break-all">{key.exposure.url}</span>
              </>
            )}
            . A reported current secret revokes the key at once.
          </p>
        </div>
      )}

      {key.previousSecret && (
        <section
          aria-label="Previous secret"
          className="rounded-md border border-blue-300 bg-blue-50 px-4 py-3 text-sm text-blue-950 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-50"
        >
          <p className="font-medium">
            Rolling: the previous secret <code className="font-mono text-xs">{key.previousSecret.hint}</code> still works.
          </p>
          <p className="mt-1">
            It retires at the latest <DateTime iso={key.previousSecret.expiresAt} />, and earlier once the new secret is in use and the
            previous one has been idle for {formatDuration(rollIdleSeconds)}.
          </p>
          <p className="mt-1">
            Previous secret last used:{" "}
            {key.previousSecret.lastUsedAt ? (
              <>
                <DateTime iso={key.previousSecret.lastUsedAt} />
                {key.previousSecret.lastUsedIp && (
                  <>
                    {" "}
                    from <span className="font-mono text-xs">{key.previousSecret.lastUsedIp}</span>
                  </>
                )}
              </>
            ) : (
              "never"
            )}
          </p>
        </section>
      )}

      <section aria-labelledby={ids.details}>
        <h2 id={ids.details} className="sr-only">
          Details
        </h2>
        <dl className="grid gap-x-6 gap-y-4 rounded-lg border border-zinc-200 p-4 text-sm sm:grid-cols-2 sm:p-6 dark:border-zinc-800">
          <Detail term="Expires">
            {key.expiresAt ? (
              <>
                {key.status === "expired" && <span className="font-medium">Expired </span>}
                <DateTime iso={key.expiresAt} />
              </>
            ) : (
              "Never"
            )}
          </Detail>
          <Detail term="Created">
            <DateTime iso={key.createdAt} />
            <span className="mt-1 block">
              by {key.createdBy.name} <span className="break-all text-zinc-600 dark:text-zinc-400">({key.createdBy.email})</span>
              {!key.createdBy.isMember && (
                <span className="ml-1.5 inline-block rounded-full border border-zinc-400 px-2 py-0.5 text-xs text-zinc-700 dark:border-zinc-500 dark:text-zinc-300">
                  no longer a member
                </span>
              )}
            </span>
          </Detail>
          <Detail term="Last used">
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
          </Detail>
          {key.revokedAt && (
            <Detail term="Revoked">
              <DateTime iso={key.revokedAt} />
            </Detail>
          )}
        </dl>
      </section>

      {query.isError && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          Could not refresh the key ({query.error.message}); showing what was loaded before.
        </p>
      )}

      <UsageChart workspaceId={workspace.id} keyId={key.id} />

      <KeyHistory workspaceId={workspace.id} keyId={key.id} canReadAuditLog={permissions.auditLog.allowed} headingId={ids.history} />

      <RevealSecretDialog
        created={rolled ? { description: rolled.description, secret: rolled.secret } : null}
        apiOrigin={apiOrigin}
        onClosed={() => setRolled(null)}
        returnFocus={() => (rollButton.current ?? heading.current)?.focus()}
        note={rolled && <RollNote rolled={rolled} rollIdleSeconds={rollIdleSeconds} />}
      />
    </div>
  );
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}
