"use client";
// The API keys list: server-rendered first, then kept fresh by TanStack Query (refetch on
// focus, invalidated after each change). Controls follow the permission table; the server
// checks again on every action.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { queryKeys } from "@/lib/ui/query-keys";
import { Button } from "@/components/ui/button";
import { keyHref, linkClass } from "@/components/ui/link-styles";
import { RelativeTime } from "@/components/ui/relative-time";
import { AddKeyDialog } from "./add-key-dialog";
import { RevealSecretDialog } from "./reveal-secret-dialog";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import type { Allowance, ApiKeyActions, KeyList } from "./types";

type Props = {
  workspace: { id: string; name: string };
  initial: KeyList;
  permissions: { create: Allowance; revoke: Allowance };
  actions: ApiKeyActions;
  apiOrigin: string;
};

export function ApiKeysPanel({ workspace, initial, permissions, actions, apiOrigin }: Props) {
  const queryClient = useQueryClient();
  const addButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [created, setCreated] = useState<{ description: string; secret: string } | null>(null);
  const query = useQuery({
    queryKey: queryKeys.apiKeys(workspace.id),
    queryFn: async () => {
      const result = await actions.list();
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    initialData: initial,
    staleTime: 15_000,
  });
  const keys = query.data.data;
  const limit = query.data.limit;
  const atCap = keys.length >= limit;
  const manage = permissions.create.allowed;

  const addDisabledReason = atCap
    ? `This workspace has ${limit} active keys, the most it can have. Revoke a key you no longer use to add another.`
    : null;

  return (
    <section aria-labelledby="api-keys-heading">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-2xl">
          <h1 id="api-keys-heading" ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
            API Keys
          </h1>
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            API keys let trusted backend services, CI jobs and internal automation call the REST API for {workspace.name}.
            Keys belong to the workspace, not to the person who created them.
          </p>
          <p className="mt-2 text-sm font-medium" aria-live="polite">
            {keys.length} of {limit} active keys
          </p>
          {!manage && <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{permissions.create.reason} You can see the list.</p>}
        </div>
        {manage && (
          <AddKeyDialog
            ref={addButton}
            create={actions.create}
            disabledReason={addDisabledReason}
            onCreated={({ key, secret }) => {
              setCreated({ description: key.description, secret });
              void queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(workspace.id) });
            }}
          />
        )}
      </div>

      {query.isError && (
        <div role="alert" className="mt-6 flex items-center justify-between gap-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm dark:border-amber-800 dark:bg-amber-950">
          <span>Could not refresh the list: {query.error.message}</span>
          <Button variant="secondary" onClick={() => void query.refetch()}>
            Retry
          </Button>
        </div>
      )}

      {keys.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700">
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
        <div className="mt-8 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Active API keys of {workspace.name}</caption>
            <thead className="bg-zinc-50 text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Description</th>
                <th scope="col" className="px-4 py-3 font-medium">Key</th>
                <th scope="col" className="px-4 py-3 font-medium">Created by</th>
                <th scope="col" className="px-4 py-3 font-medium">Created</th>
                <th scope="col" className="px-4 py-3 font-medium">Last used</th>
                {permissions.revoke.allowed && (
                  <th scope="col" className="px-4 py-3 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {keys.map((key) => (
                <tr key={key.id}>
                  <th scope="row" className="max-w-xs px-4 py-3 font-medium break-words whitespace-pre-wrap">
                    <Link href={keyHref(key.id)} className={linkClass}>{key.description}</Link>
                  </th>
                  <td className="px-4 py-3 font-mono text-xs whitespace-nowrap">{key.hint}</td>
                  <td className="px-4 py-3">
                    <span className="block">{key.createdBy.name}</span>
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">{key.createdBy.email}</span>
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <RelativeTime iso={key.createdAt} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{key.lastUsedAt ? <RelativeTime iso={key.lastUsedAt} /> : "Never"}</td>
                  {permissions.revoke.allowed && (
                    <td className="px-4 py-3 text-right">
                      <RevokeKeyDialog
                        apiKey={key}
                        workspaceId={workspace.id}
                        revoke={actions.revoke}
                        onRevoked={() => heading.current?.focus()}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <RevealSecretDialog
        created={created}
        apiOrigin={apiOrigin}
        onClosed={() => setCreated(null)}
        returnFocus={() => addButton.current?.focus()}
      />
    </section>
  );
}
