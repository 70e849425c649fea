"use client";
// The API keys page: server-rendered first, then kept fresh by TanStack Query through the
// REST API (refetch on focus, invalidated after each change), always for the workspace the
// page was rendered for. Controls follow the permission table; the server checks again on
// every action. Focus: inside the reveal dialog after a create, then on the new key's row; after
// a roll, back on the row's ⋯ button. The count and the cap are of active keys only: expired
// keys stay listed (marked) until revoked but no longer take a place.
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SignInAgainLink } from "@/components/ui/failure-message";
import { NowProvider } from "@/components/ui/now";
import type { ApiKeyPolicy } from "@/lib/api-keys/policy-schemas";
import type { ExposureAlert as Exposure } from "@/lib/leaks/schemas";
import { AddKeyDialog } from "./add-key-dialog";
import { ExposureAlert } from "./exposure-alert";
import { KeyListControls, shownKeys, type KeyOrder } from "./key-list-controls";
import { KeyRow, keyRowId, KeyTable } from "./key-row";
import { useKeyList, usePolicy } from "./queries";
import { RevealSecretDialog } from "./reveal-secret-dialog";
import { RollNote, type Rolled } from "./roll-note";
import type { Allowance, KeyList } from "./types";

type Props = {
  workspace: { id: string; name: string };
  initial: KeyList;
  /** When the server rendered the page (ms since the epoch): relative times start from it. */
  renderedAt: number;
  permissions: { create: Allowance; revoke: Allowance; rename: Allowance; roll: Allowance };
  /** Keys reported as leaked lately (lib/leaks/recent.ts): the alert after the heading. */
  exposures: Exposure[];
  rollIdleSeconds: number;
  apiOrigin: string;
  /** The workspace's key policy, as the server read it (the Add key dialog follows it). */
  policy: ApiKeyPolicy;
};

export function ApiKeysPanel({ workspace, initial, renderedAt, permissions, exposures, rollIdleSeconds, apiOrigin, policy }: Props) {
  const addButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const capReasonId = useId();
  const lastCreatedId = useRef<string | null>(null);
  const [created, setCreated] = useState<{ description: string; secret: string } | null>(null);
  const [rolled, setRolled] = useState<Rolled | null>(null);
  // Each row's ⋯ button: after a roll's secret is revealed, focus goes back to it.
  const menuButtons = useRef(new Map<string, HTMLButtonElement>());
  const lastRolledId = useRef<string | null>(null);
  const query = useKeyList(workspace.id, initial);
  const currentPolicy = usePolicy(workspace.id, policy).data;
  const keys = query.data.data;
  const [search, setSearch] = useState("");
  const [order, setOrder] = useState<KeyOrder>("created");
  const shown = shownKeys(keys, search, order);
  const limit = query.data.limit;
  const active = keys.filter((key) => key.status === "active").length;
  const atCap = active >= limit;
  const manage = permissions.create.allowed;
  const revealed = created ?? (rolled && { description: rolled.description, secret: rolled.secret });
  const may = { roll: permissions.roll.allowed, rename: permissions.rename.allowed, revoke: permissions.revoke.allowed };
  const rowMay = may.roll || may.rename || may.revoke ? may : null;

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
              disabledReasonId={atCap ? capReasonId : null}
              policy={currentPolicy}
              onDone={({ key, secret }) => {
                lastCreatedId.current = key.id;
                setCreated({ description: key.description, secret });
              }}
            />
          )}
        </div>
        <div className="max-w-2xl">
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            API keys let trusted backend services, CI jobs and internal automation call the REST API for {workspace.name}. Keys belong to
            the workspace, not to the person who created them.
          </p>
          <p className="mt-2 text-sm font-medium" aria-live="polite">
            {active} of {limit} active keys
            {active !== keys.length && (
              <span className="font-normal text-zinc-600 dark:text-zinc-400"> ({keys.length - active} expired, listed until revoked)</span>
            )}
          </p>
          {manage && atCap && (
            <p id={capReasonId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              This workspace has {limit} active keys, the most it can have. Revoke a key you no longer use to add another.
            </p>
          )}
          {!manage && <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{permissions.create.reason} You can see the list.</p>}
        </div>

        <div className="mt-6 empty:hidden">
          <ExposureAlert
            alerts={exposures}
            workspaceId={workspace.id}
            canReplace={manage}
            onCreateReplacement={() => {
              // Focus first: at the cap the dialog does not open, and the button says why.
              addButton.current?.focus();
              addButton.current?.click();
            }}
          />
        </div>

        {query.isError && (
          <div
            role="alert"
            className="mt-6 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
          >
            <p className="min-w-0 flex-1">Could not refresh the list: {query.error.message} The keys below may be out of date.</p>
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
          <>
            <KeyListControls
              search={search}
              order={order}
              shown={shown.length}
              total={keys.length}
              onSearch={setSearch}
              onOrder={setOrder}
            />
            {shown.length === 0 ? (
              <div className="mt-4 rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">
                <p className="text-sm">No key&apos;s description or hint contains “{search.trim()}”.</p>
                <Button variant="secondary" className="mt-3" onClick={() => setSearch("")}>
                  Clear the search
                </Button>
              </div>
            ) : (
              <KeyTable caption={`API keys of ${workspace.name}`} withActions={rowMay !== null}>
                {shown.map((key) => (
                  <KeyRow
                    key={key.id}
                    apiKey={key}
                    workspaceId={workspace.id}
                    may={rowMay}
                    rollIdleSeconds={rollIdleSeconds}
                    onRevoked={() => heading.current?.focus()}
                    registerMenu={(button) => {
                      if (button) menuButtons.current.set(key.id, button);
                      else menuButtons.current.delete(key.id);
                    }}
                    onRolled={(next) => {
                      lastRolledId.current = key.id;
                      setRolled(next);
                    }}
                  />
                ))}
              </KeyTable>
            )}
          </>
        )}

        <RevealSecretDialog
          created={revealed}
          rolled={!created && !!rolled}
          apiOrigin={apiOrigin}
          onClosed={() => {
            if (created) lastRolledId.current = null;
            setCreated(null);
            setRolled(null);
          }}
          returnFocus={() => {
            const menuButton = lastRolledId.current ? menuButtons.current.get(lastRolledId.current) : undefined;
            lastRolledId.current = null;
            if (menuButton) menuButton.focus();
            else focusNewRow();
          }}
          note={rolled && <RollNote rolled={rolled} rollIdleSeconds={rollIdleSeconds} />}
        />
      </section>
    </NowProvider>
  );
}
