"use client";
// The API keys page: server-rendered first, then kept fresh by TanStack Query through the
// REST API (refetch on focus, invalidated after each change), always for the workspace the
// page was rendered for. Controls follow the permission table; the server checks again on
// every action. Focus: inside the reveal dialog after a create, then on the new key's row.
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SignInAgainLink } from "@/components/ui/failure-message";
import { NowProvider } from "@/components/ui/now";
import { AddKeyDialog } from "./add-key-dialog";
import { KeyRow, keyRowId, KeyTable } from "./key-row";
import { useKeyList } from "./queries";
import { RevealSecretDialog } from "./reveal-secret-dialog";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import type { Allowance, ApiKeyActions, KeyList } from "./types";

type Props = {
  workspace: { id: string; name: string };
  initial: KeyList;
  /** When the server rendered the page (ms since the epoch): relative times start from it. */
  renderedAt: number;
  permissions: { create: Allowance; revoke: Allowance };
  actions: ApiKeyActions;
  apiOrigin: string;
};

export function ApiKeysPanel({ workspace, initial, renderedAt, permissions, actions, apiOrigin }: Props) {
  const addButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const capReasonId = useId();
  const lastCreatedId = useRef<string | null>(null);
  const [created, setCreated] = useState<{ description: string; secret: string } | null>(null);
  const query = useKeyList(workspace.id, initial);
  const keys = query.data.data;
  const limit = query.data.limit;
  const atCap = keys.length >= limit;
  const manage = permissions.create.allowed;

  function focusNewRow() {
    const row = lastCreatedId.current ? document.getElementById(keyRowId(lastCreatedId.current)) : null;
    (row ?? heading.current)?.focus();
  }

  return (
    <NowProvider renderedAt={renderedAt}>
      <section aria-labelledby="api-keys-heading">
        <div className="flex items-center justify-between gap-4">
          <h1 id="api-keys-heading" ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
            API Keys
          </h1>
          {manage && (
            <AddKeyDialog
              ref={addButton}
              workspaceId={workspace.id}
              create={actions.create}
              disabledReasonId={atCap ? capReasonId : null}
              onCreated={({ key, secret }) => {
                lastCreatedId.current = key.id;
                setCreated({ description: key.description, secret });
              }}
            />
          )}
        </div>
        <div className="max-w-2xl">
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            API keys let trusted backend services, CI jobs and internal automation call the REST API for {workspace.name}.
            Keys belong to the workspace, not to the person who created them.
          </p>
          <p className="mt-2 text-sm font-medium" aria-live="polite">
            {keys.length} of {limit} active keys
          </p>
          {manage && atCap && (
            <p id={capReasonId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              This workspace has {limit} active keys, the most it can have. Revoke a key you no longer use to add another.
            </p>
          )}
          {!manage && <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{permissions.create.reason} You can see the list.</p>}
        </div>

        {query.isError && (
          <div
            role="alert"
            className="mt-6 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
          >
            <p className="min-w-0 flex-1">
              Could not refresh the list: {query.error.message} The keys below may be out of date.
            </p>
            <div className="flex gap-2">
              {query.error.kind === "session" && <SignInAgainLink />}
              <Button variant="secondary" onClick={() => void query.refetch()} disabled={query.isFetching}>
                Retry
              </Button>
            </div>
          </div>
        )}

        {keys.length === 0 ? (
          <div className="mt-8 rounded-lg border border-dashed border-zinc-300 p-6 text-center sm:p-10 dark:border-zinc-700">
            <h2 className="font-medium">No API keys yet</h2>
            <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
              {manage
                ? "Add a key for each service or CI job that calls the REST API, so you can revoke one without breaking the others."
                : "When an owner or admin adds a key, it will be listed here."}
            </p>
            {manage && (
              <Button className="mt-4" onClick={() => addButton.current?.click()}>
                Add your first key
              </Button>
            )}
          </div>
        ) : (
          <KeyTable caption={`Active API keys of ${workspace.name}`} withActions={permissions.revoke.allowed}>
            {keys.map((key) => (
              <KeyRow
                key={key.id}
                apiKey={key}
                actions={
                  permissions.revoke.allowed ? (
                    <RevokeKeyDialog
                      apiKey={key}
                      workspaceId={workspace.id}
                      revoke={actions.revoke}
                      onRevoked={() => heading.current?.focus()}
                    />
                  ) : undefined
                }
              />
            ))}
          </KeyTable>
        )}

        <RevealSecretDialog
          created={created}
          apiOrigin={apiOrigin}
          onClosed={() => setCreated(null)}
          returnFocus={focusNewRow}
        />
      </section>
    </NowProvider>
  );
}
