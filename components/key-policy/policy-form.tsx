"use client";
// The key policy's form (owners; everyone else sees the same fields read only, with the reason):
// maximum lifetime, default permissions, required networks, and revoking unused keys. Saved whole
// (PUT …/api-key-policy through its server action); what the server refuses is shown at its field.
// When the answer is lost, the policy is read again to say whether the change went through.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { toast } from "sonner";
import { updateApiKeyPolicyAction } from "@/lib/actions/api-key-policy";
import type { ApiKeyPolicy } from "@/lib/api-keys/policy-schemas";
import { queryKeys } from "@/lib/ui/browser/query-keys";
import { fromActionError, isRequestFailure, RequestFailure, sessionEnded } from "@/lib/ui/browser/request-failure";
import { read } from "@/lib/ui/browser/rest";
import { choiceOf, PermissionsField, permissionsOfChoice, type PermissionsChoice } from "@/components/api-keys/permissions-field";
import { Button } from "@/components/ui/button";
import { FailureMessage } from "@/components/ui/failure-message";

const muted = "text-zinc-600 dark:text-zinc-400";
const inputClass =
  "block w-28 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 disabled:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-950 dark:disabled:bg-zinc-900";

type Draft = { maxLifetimeDays: string; permissions: PermissionsChoice; requireAllowedNetworks: boolean; revokeUnusedAfterDays: string };

const draftOf = (policy: ApiKeyPolicy): Draft => ({
  maxLifetimeDays: policy.maxLifetimeDays?.toString() ?? "",
  permissions: choiceOf(policy.defaultPermissions),
  requireAllowedNetworks: policy.requireAllowedNetworks,
  revokeUnusedAfterDays: policy.revokeUnusedAfterDays?.toString() ?? "",
});

/** A days field: empty is null; otherwise a whole number within the bounds, or why not. */
function daysOf(text: string, min: number, max: number): { value: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null };
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || value < min || value > max)
    return { error: `Enter a whole number of days from ${min} to ${max}, or leave it empty.` };
  return { value };
}

async function savePolicy(workspaceId: string, policy: ApiKeyPolicy): Promise<ApiKeyPolicy> {
  let result: Awaited<ReturnType<typeof updateApiKeyPolicyAction>>;
  try {
    result = await updateApiKeyPolicyAction(workspaceId, policy);
  } catch {
    const current = await read
      .policy(workspaceId)
      .catch((error: unknown) => (isRequestFailure(error) && error.kind === "session" ? error : null));
    if (current instanceof RequestFailure) throw sessionEnded("the policy may not have been saved");
    if (current && JSON.stringify(current) === JSON.stringify(policy)) return current;
    throw new RequestFailure(
      "offline",
      current
        ? "The connection to the server dropped, and the policy did not change. Check your connection and save again."
        : "The server did not answer, so it is not known whether the policy changed. Check your connection, then save again: saving twice is harmless.",
    );
  }
  if (!result.ok) throw fromActionError(result.error, "the policy did not change");
  return result.data;
}

export function PolicyForm({
  workspaceId,
  initial,
  canChange,
  reason,
}: {
  workspaceId: string;
  initial: ApiKeyPolicy;
  canChange: boolean;
  reason: string;
}) {
  const ids = { lifetime: useId(), unused: useId(), lifetimeHelp: useId(), unusedHelp: useId(), permissionsError: useId() };
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [submitted, setSubmitted] = useState(false);
  const queryClient = useQueryClient();
  const mutation = useMutation<ApiKeyPolicy, RequestFailure, ApiKeyPolicy>({
    mutationFn: (policy) => savePolicy(workspaceId, policy),
    onSuccess: (policy) => {
      setSaved(policy);
      setDraft(draftOf(policy));
      setSubmitted(false);
      queryClient.setQueryData(queryKeys.policy(workspaceId), policy);
      // Keys' policyViolations follow the policy.
      void queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(workspaceId) });
      toast.success("Key policy saved. It applies to keys created or changed from now on; existing keys are not changed.");
    },
  });

  const lifetime = daysOf(draft.maxLifetimeDays, 1, 366);
  const unused = daysOf(draft.revokeUnusedAfterDays, 7, 366);
  const permissions = permissionsOfChoice(draft.permissions);
  const server = mutation.error?.fields ?? {};
  const errors = {
    lifetime: (submitted && "error" in lifetime ? lifetime.error : null) ?? server.maxLifetimeDays ?? null,
    unused: (submitted && "error" in unused ? unused.error : null) ?? server.revokeUnusedAfterDays ?? null,
    permissions: (submitted && "error" in permissions ? permissions.error : null) ?? server.defaultPermissions ?? null,
  };
  const policy: ApiKeyPolicy | null =
    "value" in lifetime && "value" in unused && "permissions" in permissions
      ? {
          maxLifetimeDays: lifetime.value,
          defaultPermissions: permissions.permissions,
          requireAllowedNetworks: draft.requireAllowedNetworks,
          revokeUnusedAfterDays: unused.value,
        }
      : null;
  const unchanged = policy !== null && JSON.stringify(policy) === JSON.stringify(saved);

  function change(next: Partial<Draft>) {
    setDraft((current) => ({ ...current, ...next }));
    if (mutation.isError) mutation.reset();
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!policy || unchanged) {
      // Focus the first field that needs a fix, in the form's order.
      const form = event.currentTarget as HTMLFormElement;
      const first =
        "error" in lifetime
          ? document.getElementById(ids.lifetime)
          : "error" in permissions
            ? form.querySelector<HTMLElement>("fieldset input:checked")
            : "error" in unused
              ? document.getElementById(ids.unused)
              : null;
      first?.focus();
      return;
    }
    mutation.mutate(policy);
  }

  const disabled = !canChange || mutation.isPending;
  return (
    <form onSubmit={submit} noValidate className="space-y-5 rounded-lg border border-zinc-200 p-4 sm:p-6 dark:border-zinc-800">
      {!canChange && <p className={`text-sm ${muted}`}>{reason}</p>}
      <div className="space-y-1.5">
        <label htmlFor={ids.lifetime} className="block text-sm font-medium">
          Maximum lifetime (days)
        </label>
        <p id={ids.lifetimeHelp} className={`text-xs ${muted}`}>
          New keys, and new expiry dates, must be within this many days (1 to 366). Empty: keys may never expire.
        </p>
        <input
          id={ids.lifetime}
          inputMode="numeric"
          value={draft.maxLifetimeDays}
          onChange={(event) => change({ maxLifetimeDays: event.target.value })}
          disabled={disabled}
          aria-invalid={errors.lifetime ? true : undefined}
          aria-describedby={`${ids.lifetimeHelp}${errors.lifetime ? ` ${ids.lifetime}-error` : ""}`}
          className={inputClass}
        />
        {errors.lifetime && (
          <p id={`${ids.lifetime}-error`} className="text-sm text-red-700 dark:text-red-400">
            {errors.lifetime}
          </p>
        )}
      </div>

      <div className="space-y-1.5">
        <PermissionsField
          value={draft.permissions}
          onChange={(next) => change({ permissions: next })}
          error={errors.permissions}
          errorId={ids.permissionsError}
          legend="Default permissions for new keys"
          disabled={disabled}
        />
        <p className={`text-xs ${muted}`}>What a key gets when whoever creates it does not choose. They can still choose Full access.</p>
      </div>

      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.requireAllowedNetworks}
          onChange={(event) => change({ requireAllowedNetworks: event.target.checked })}
          disabled={disabled}
          className="mt-1 size-4 accent-blue-600"
        />
        <span>
          <span className="font-medium">Require allowed networks</span>
          <span className={`block text-xs ${muted}`}>
            New keys must list the addresses they are used from, and no key can have its list removed.
          </span>
        </span>
      </label>

      <div className="space-y-1.5">
        <label htmlFor={ids.unused} className="block text-sm font-medium">
          Revoke keys unused for (days)
        </label>
        <p id={ids.unusedHelp} className={`text-xs ${muted}`}>
          Active keys with no request for this many days are revoked (7 to 366), after a warning 7 days before. Empty: never.
        </p>
        <input
          id={ids.unused}
          inputMode="numeric"
          value={draft.revokeUnusedAfterDays}
          onChange={(event) => change({ revokeUnusedAfterDays: event.target.value })}
          disabled={disabled}
          aria-invalid={errors.unused ? true : undefined}
          aria-describedby={`${ids.unusedHelp}${errors.unused ? ` ${ids.unused}-error` : ""}`}
          className={inputClass}
        />
        {errors.unused && (
          <p id={`${ids.unused}-error`} className="text-sm text-red-700 dark:text-red-400">
            {errors.unused}
          </p>
        )}
      </div>

      {mutation.error && !mutation.error.fields && <FailureMessage failure={mutation.error} />}
      {canChange && (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={mutation.isPending || unchanged} aria-busy={mutation.isPending}>
            {mutation.isPending ? "Saving…" : "Save policy"}
          </Button>
          <p className={`text-xs ${muted}`}>
            {unchanged ? "This is the workspace's current policy." : "Existing keys are not changed; those outside the policy are marked."}
          </p>
        </div>
      )}
    </form>
  );
}
