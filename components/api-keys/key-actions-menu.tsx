"use client";
// One ⋯ button per row of the key list ("Actions for <description>") holding what this person may
// do to the key: Roll (active keys), Rename (keys not revoked) and Revoke. A menu item opens its
// dialog (loaded and mounted when it opens, so it starts from the key as it is now) or the row's rename
// field; when that ends without handing focus on (cancelled, Escape), focus comes back to this
// button. Radix's menu gives the keyboard: Enter, Space or ↓ opens it, arrows move, Escape closes.
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import dynamic from "next/dynamic";
import { forwardRef, useRef, useState } from "react";
import type { OnDone } from "@/components/ui/hand-over";
import type { Rolled } from "./roll-note";
import type { ApiKeyDto } from "./types";

// The dialogs' code is fetched when one is first chosen, not with the list.
const RollKeyDialog = dynamic(() => import("./roll-key-dialog").then((module) => module.RollKeyDialog), { ssr: false });
const RevokeKeyDialog = dynamic(() => import("./revoke-key-dialog").then((module) => module.RevokeKeyDialog), { ssr: false });

type Props = {
  apiKey: ApiKeyDto;
  workspaceId: string;
  rollIdleSeconds: number;
  may: { roll: boolean; rename: boolean; revoke: boolean };
  onRename: () => void;
  onRolled: OnDone<Rolled>;
  onRevoked: OnDone<ApiKeyDto>;
};

const itemClass =
  "flex cursor-pointer items-center rounded px-3 py-2 text-sm outline-none select-none data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800";

export const KeyActionsMenu = forwardRef<HTMLButtonElement, Props>(function KeyActionsMenu(
  { apiKey, workspaceId, rollIdleSeconds, may, onRename, onRolled, onRevoked },
  triggerRef,
) {
  const [dialog, setDialog] = useState<"roll" | "revoke" | null>(null);
  // The open menu is placed in the page's <main> (not at the end of <body>), so it stays inside a
  // landmark, without being clipped by the table's rounded box.
  const [container, setContainer] = useState<HTMLElement | null>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);
  // Set when an item hands focus to something else (a dialog, the rename field), so the menu does
  // not pull it back to the trigger as it closes.
  const handingOver = useRef(false);
  const returnFocus = () => trigger.current?.focus();
  const fromMenu = (kind: "roll" | "revoke") => ({
    open: dialog === kind,
    onOpenChange: (open: boolean) => setDialog(open ? kind : null),
    returnFocus,
  });
  const choose = (next: () => void) => () => {
    handingOver.current = true;
    next();
  };
  const canRoll = may.roll && apiKey.status === "active";
  const canRename = may.rename && apiKey.status !== "revoked";

  return (
    <>
      <DropdownMenu.Root modal={false} onOpenChange={(open) => open && setContainer(trigger.current?.closest("main") ?? null)}>
        <DropdownMenu.Trigger
          ref={(button) => {
            trigger.current = button;
            if (typeof triggerRef === "function") triggerRef(button);
            else if (triggerRef) triggerRef.current = button;
          }}
          aria-label={`Actions for ${apiKey.description}`}
          className="inline-flex size-7 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 data-[state=open]:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:data-[state=open]:bg-zinc-800"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="currentColor">
            <circle cx="3" cy="8" r="1.5" />
            <circle cx="8" cy="8" r="1.5" />
            <circle cx="13" cy="8" r="1.5" />
          </svg>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal container={container}>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            collisionPadding={8}
            className="z-40 min-w-40 rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-950 dark:ring-zinc-800"
            onCloseAutoFocus={(event) => {
              if (!handingOver.current) return;
              handingOver.current = false;
              event.preventDefault();
            }}
          >
            {canRoll && (
              <DropdownMenu.Item className={itemClass} onSelect={choose(() => setDialog("roll"))}>
                Roll…
              </DropdownMenu.Item>
            )}
            {canRename && (
              <DropdownMenu.Item className={itemClass} onSelect={choose(onRename)}>
                Rename
              </DropdownMenu.Item>
            )}
            {may.revoke && (
              <DropdownMenu.Item className={`${itemClass} text-red-700 dark:text-red-400`} onSelect={choose(() => setDialog("revoke"))}>
                Revoke…
              </DropdownMenu.Item>
            )}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {dialog === "roll" && (
        <RollKeyDialog
          apiKey={apiKey}
          workspaceId={workspaceId}
          rollIdleSeconds={rollIdleSeconds}
          onDone={onRolled}
          fromMenu={fromMenu("roll")}
        />
      )}
      {dialog === "revoke" && (
        <RevokeKeyDialog apiKey={apiKey} workspaceId={workspaceId} onDone={onRevoked} fromMenu={fromMenu("revoke")} />
      )}
    </>
  );
});
