"use client";
// The top of a key's page: the breadcrumb, the key's name (renamable in place), its hint, badges
// and last 7 days, and Roll and Revoke for owners and admins.
import Link from "next/link";
import type { RefObject } from "react";
import { linkClass } from "@/components/ui/link-styles";
import { KeyBadges } from "./key-badges";
import { KeyDescriptionEditor } from "./key-description-editor";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RollKeyDialog } from "./roll-key-dialog";
import type { Rolled } from "./roll-note";
import type { Allowance, ApiKeyDto } from "./types";
import { UsageSparkline } from "./usage-sparkline";

type Props = {
  headingRef: RefObject<HTMLHeadingElement | null>;
  rollButtonRef: RefObject<HTMLButtonElement | null>;
  apiKey: ApiKeyDto;
  workspaceId: string;
  permissions: { rename: Allowance; roll: Allowance; revoke: Allowance };
  rollIdleSeconds: number;
  onRolled: (rolled: Rolled) => void;
};

export function KeyHeader({ headingRef, rollButtonRef, apiKey: key, workspaceId, permissions, rollIdleSeconds, onRolled }: Props) {
  const canRename = permissions.rename.allowed && key.status !== "revoked";
  const canRoll = permissions.roll.allowed && key.status === "active";
  const canRevoke = permissions.revoke.allowed && key.status !== "revoked";
  return (
    <>
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
          <KeyDescriptionEditor ref={headingRef} apiKey={key} workspaceId={workspaceId} canRename={canRename} />
          <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
            <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
              <span className="sr-only">Key hint: </span>
              {key.hint}
            </code>
            <KeyBadges apiKey={key} />
            <span className="inline-flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
              <span aria-hidden>Last 7 days</span>
              <UsageSparkline workspaceId={workspaceId} keyId={key.id} />
            </span>
          </div>
        </div>
        {(canRoll || canRevoke) && (
          <div className="flex flex-wrap gap-2">
            {canRoll && (
              <RollKeyDialog
                ref={rollButtonRef}
                apiKey={key}
                workspaceId={workspaceId}
                rollIdleSeconds={rollIdleSeconds}
                onDone={onRolled}
              />
            )}
            {canRevoke && <RevokeKeyDialog apiKey={key} workspaceId={workspaceId} onDone={() => headingRef.current?.focus()} />}
          </div>
        )}
      </div>
    </>
  );
}
