"use client";
// The workspace switcher in the header: a menu of the person's workspaces (name, their role,
// a check on the selected one). Choosing one remembers it in the database (what `current`
// means for this person) and re-renders the page for it. Pages render the selected workspace;
// their actions and REST calls keep carrying the id they were rendered for, so another tab
// still showing the previous workspace cannot change the newly selected one. A key belongs to one
// workspace: switching on a key's page lands on the new workspace's list of keys.
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useMutation } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useRef, useTransition } from "react";
import { selectWorkspaceAction } from "@/lib/actions/workspaces";
import { FailureMessage } from "@/components/ui/failure-message";
import type { WorkspaceItem } from "@/lib/workspaces/schemas";
import { fromActionError, RequestFailure } from "@/lib/ui/browser/request-failure";

const ROLE_LABELS = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" } as const;

const KEY_LIST = "/settings/developer/api-keys";
const isKeyPage = (path: string) => path.startsWith(`${KEY_LIST}/`);

/** Selects a workspace; a refusal or a lost answer says whether the choice went through. */
async function selectWorkspace(target: WorkspaceItem | undefined, selected: WorkspaceItem): Promise<void> {
  const name = target?.name ?? "that workspace";
  let result: Awaited<ReturnType<typeof selectWorkspaceAction>>;
  try {
    result = await selectWorkspaceAction(target?.id ?? "");
  } catch {
    throw new RequestFailure(
      "offline",
      `The server did not answer, so it is not known whether ${name} was selected. Check your connection, then reload the page.`,
    );
  }
  if (!result.ok) throw fromActionError(result.error, `${name} was not selected; this page still shows ${selected.name}`);
}

export function WorkspaceSwitcher({ workspaces }: { workspaces: WorkspaceItem[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [refreshing, startTransition] = useTransition();
  const mutation = useMutation<void, RequestFailure, { target: WorkspaceItem | undefined; selected: WorkspaceItem }>({
    mutationFn: ({ target, selected }) => selectWorkspace(target, selected),
    // The page re-renders for the newly selected workspace (a key's page: that workspace's keys).
    // refresh() after push: the header (in the shared layout) re-renders for the new workspace too.
    onSuccess: () =>
      startTransition(() => {
        if (isKeyPage(pathname)) router.push(KEY_LIST);
        router.refresh();
      }),
  });
  const pending = mutation.isPending || refreshing;
  const failure = mutation.error;
  const trigger = useRef<HTMLButtonElement>(null);
  const selected = workspaces.find((workspace) => workspace.current) ?? workspaces[0];
  if (!selected) return null;

  function choose(workspaceId: string) {
    if (!selected || workspaceId === selected.id) return;
    mutation.mutate({ target: workspaces.find((workspace) => workspace.id === workspaceId), selected });
  }

  return (
    <div className="relative min-w-0">
      {/* Not modal, and rendered in the header rather than a portal: the rest of the page stays
          in the accessibility tree (no aria-hidden around focusable controls) and the menu sits
          inside the banner landmark. Escape, a click outside or Tab close it. */}
      <DropdownMenu.Root modal={false} onOpenChange={(open) => open && mutation.isError && mutation.reset()}>
        <DropdownMenu.Trigger
          ref={trigger}
          aria-busy={pending}
          className="relative flex max-w-[40vw] min-w-0 items-center overflow-hidden gap-1.5 rounded-md bg-zinc-100 px-2 py-1 text-sm text-zinc-800 hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 sm:max-w-xs dark:bg-zinc-800 dark:text-zinc-200 dark:hover:bg-zinc-700"
        >
          {/* Read as "Workspace: Acme, your role: Owner"; below `sm` the role is for screen readers only.
              `relative overflow-hidden`: visually hidden text after a long, truncated name stays inside. */}
          <span className="min-w-0 truncate">
            <span className="sr-only">Workspace: </span>
            {selected.name}
            <span className="sr-only">,</span>
          </span>
          <span className="shrink-0 text-zinc-600 max-sm:sr-only dark:text-zinc-400">
            <span className="sr-only">your role: </span>
            <span aria-hidden="true">· </span>
            {selected.role ? ROLE_LABELS[selected.role] : ""}
          </span>
          {pending ? <span className="sr-only">switching…</span> : null}
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className={`size-4 shrink-0 ${pending ? "animate-pulse motion-reduce:animate-none" : ""}`}
            fill="currentColor"
          >
            <path d="M4.5 6 8 9.5 11.5 6z" />
          </svg>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 max-w-[calc(100vw-1rem)] min-w-56 rounded-md border border-zinc-200 bg-white p-1 text-sm text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-semibold text-zinc-600 uppercase dark:text-zinc-400">
            Workspaces
          </DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={selected.id} onValueChange={choose}>
            {workspaces.map((workspace) => (
              <DropdownMenu.RadioItem
                key={workspace.id}
                value={workspace.id}
                disabled={pending}
                className="flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[disabled]:opacity-60 data-[highlighted]:bg-zinc-100 data-[highlighted]:outline-2 data-[highlighted]:-outline-offset-2 data-[highlighted]:outline-solid data-[highlighted]:outline-blue-600 dark:data-[highlighted]:bg-zinc-800 dark:data-[highlighted]:outline-blue-400"
              >
                <span className="flex size-4 shrink-0 items-center justify-center">
                  <DropdownMenu.ItemIndicator>
                    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
                      <path d="M3 8.5 6.5 12 13 4.5" />
                    </svg>
                  </DropdownMenu.ItemIndicator>
                </span>
                <span className="relative min-w-0 flex-1 truncate font-medium" title={workspace.name}>
                  {workspace.name}
                  <span className="sr-only">,</span>
                </span>
                <span className="shrink-0 text-zinc-600 dark:text-zinc-400">{workspace.role ? ROLE_LABELS[workspace.role] : ""}</span>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Root>
      {failure && (
        <div className="absolute top-full left-0 z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] space-y-1 rounded-md bg-white p-1.5 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-950 dark:ring-zinc-800">
          <FailureMessage failure={failure} />
          <button
            type="button"
            onClick={() => {
              mutation.reset();
              trigger.current?.focus();
            }}
            className="rounded-md px-2 py-1 text-sm font-medium underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
