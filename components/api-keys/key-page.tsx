"use client";
// A key's own page: its header (name, hint, badges, Roll and Revoke), the notices that apply to
// it, its facts (with the expiry editor), its permissions (with the suggestion from its traffic),
// usage and history. The key is server-rendered first, then kept fresh from the
// REST API (the last use moves while you look). After a roll, the new secret is revealed once.
import { useEffect, useId, useRef, useState } from "react";
import type { ApiKeyPolicy } from "@/lib/api-keys/policy-schemas";
import { reportedSecret } from "@/lib/leaks/sources";
import { KeyHistory } from "@/components/audit-log/key-history";
import { SignInAgainLink } from "@/components/ui/failure-message";
import { AddKeyDialog } from "./add-key-dialog";
import type { Created } from "./key-changes";
import { KeyFacts } from "./key-facts";
import { KeyHeader } from "./key-header";
import { KeyNetworks } from "./key-networks";
import { PolicyNotice } from "./policy-notice";
import { KeyPermissions } from "./key-permissions";
import { ExpiredNotice, ReadOnlyNotice, RevokedNotice } from "./key-state-notices";
import { LeakNotice } from "./leak-notice";
import { PreviousSecretNotice } from "./previous-secret-notice";
import { useKey, usePolicy } from "./queries";
import { RevealSecretDialog } from "./reveal-secret-dialog";
import { RollNote, type Rolled } from "./roll-note";
import type { Allowance, ApiKeyDto } from "./types";
import { UsageChart } from "./usage-chart";

type Props = {
  workspace: { id: string; name: string };
  initial: ApiKeyDto;
  permissions: { create: Allowance; rename: Allowance; roll: Allowance; revoke: Allowance; auditLog: Allowance };
  rollIdleSeconds: number;
  apiOrigin: string;
  /** The workspace's key policy, as the server read it (the expiry editor and a replacement key follow it). */
  policy: ApiKeyPolicy;
};

export function KeyPage({ workspace, initial, permissions, rollIdleSeconds, apiOrigin, policy: initialPolicy }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const rollButton = useRef<HTMLButtonElement>(null);
  const [rolled, setRolled] = useState<Rolled | null>(null);
  // A replacement created from the leak notice: revealed once, like a roll's secret.
  const [created, setCreated] = useState<Created | null>(null);
  const replaceButton = useRef<HTMLButtonElement>(null);
  // Where focus goes when the reveal closes: the control that led to it.
  const revealedFrom = useRef<"roll" | "replace">("roll");
  const historyId = useId();
  const query = useKey(workspace.id, initial);
  const key = query.data;
  const policy = usePolicy(workspace.id, initialPolicy).data;
  const manager = permissions.roll.allowed;

  // Revoking here removes the controls (and the dialog) with it: focus goes to the heading
  // when the key becomes revoked, so it never falls to the page's body.
  const revokedBefore = useRef(key.status === "revoked");
  useEffect(() => {
    if (key.status === "revoked" && !revokedBefore.current) heading.current?.focus();
    revokedBefore.current = key.status === "revoked";
  }, [key.status]);

  return (
    <div className="space-y-6">
      <KeyHeader
        headingRef={heading}
        rollButtonRef={rollButton}
        apiKey={key}
        workspaceId={workspace.id}
        permissions={permissions}
        rollIdleSeconds={rollIdleSeconds}
        onRolled={(next) => {
          revealedFrom.current = "roll";
          setRolled(next);
        }}
      />

      {!manager && <ReadOnlyNotice reasons={[permissions.rename, permissions.roll, permissions.revoke]} />}
      {/* A key revoked by a leak report: the leak notice says so, with its next step. */}
      {manager && key.status === "revoked" && reportedSecret(key) !== "current" && <RevokedNotice />}
      {manager && key.status === "expired" && <ExpiredNotice />}
      {key.exposure && (
        <LeakNotice
          apiKey={{ ...key, exposure: key.exposure }}
          canReplace={permissions.create.allowed}
          replace={
            <AddKeyDialog
              ref={replaceButton}
              workspaceId={workspace.id}
              disabledReasonId={null}
              triggerLabel="Create a replacement key"
              policy={policy}
              onDone={(next) => {
                revealedFrom.current = "replace";
                setCreated(next);
              }}
            />
          }
        />
      )}
      {key.previousSecret && <PreviousSecretNotice previous={key.previousSecret} rollIdleSeconds={rollIdleSeconds} />}

      {key.status === "active" && <PolicyNotice apiKey={key} />}

      <KeyFacts apiKey={key} workspaceId={workspace.id} canChangeExpiry={permissions.rename.allowed} maxDays={policy.maxLifetimeDays} />

      {query.isError && (
        <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-amber-800 dark:text-amber-300">
          <p className="min-w-0 flex-1">Could not refresh the key: {query.error.message} Showing what was loaded before.</p>
          {query.error.kind === "session" && <SignInAgainLink />}
        </div>
      )}

      <KeyPermissions workspaceId={workspace.id} apiKey={key} allowance={permissions.rename} onRevoked={() => heading.current?.focus()} />

      <KeyNetworks
        workspaceId={workspace.id}
        apiKey={key}
        allowance={permissions.rename}
        networksRequired={policy.requireAllowedNetworks}
      />

      <UsageChart workspaceId={workspace.id} keyId={key.id} />

      <KeyHistory workspaceId={workspace.id} keyId={key.id} canReadAuditLog={permissions.auditLog.allowed} headingId={historyId} />

      <RevealSecretDialog
        created={
          created
            ? { description: created.key.description, secret: created.secret }
            : rolled
              ? { description: rolled.description, secret: rolled.secret }
              : null
        }
        rolled={!created && !!rolled}
        apiOrigin={apiOrigin}
        onClosed={() => {
          setRolled(null);
          setCreated(null);
        }}
        returnFocus={() => ((revealedFrom.current === "replace" ? replaceButton.current : rollButton.current) ?? heading.current)?.focus()}
        note={
          rolled ? (
            <RollNote rolled={rolled} rollIdleSeconds={rollIdleSeconds} />
          ) : (
            created && <p>This is a new key, the replacement for “{key.description}”; it is in the list of API keys.</p>
          )
        }
      />
    </div>
  );
}
