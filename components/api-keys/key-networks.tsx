"use client";
// A key's Networks section: where it may be used from, and where it is used from. Owners and
// admins edit the list (one address or range a line, each checked as it is typed, its canonical
// form shown) and the mode; "Fill from traffic" adds the addresses of the last 30 days' served
// requests (insights). Enforcing a list, from report-only or anew, first shows how many requests
// from how many addresses of the last 7 days came from outside it and would now be refused.
// Everyone sees the table of addresses the key was used from, each marked allowed or not.
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useId, useState } from "react";
import { toast } from "sonner";
import { isWithin, type NetworkMode } from "@/lib/api-keys/networks";
import type { KeyAddressesDto } from "@/lib/usage/schemas";
import { Button } from "@/components/ui/button";
import { buttonRowClass, contentClass, descriptionClass, overlayClass, titleClass } from "@/components/ui/dialog-styles";
import { FailureMessage, SignInAgainLink } from "@/components/ui/failure-message";
import { RelativeTime } from "@/components/ui/time";
import { useChangeKey } from "./mutations";
import { MAX_NETWORKS, NetworkLinesField, networksFieldErrors, networksOf, networksProblem, parseNetworkLines } from "./network-lines";
import { useKeyAddresses, useKeyInsights } from "./queries";
import type { Allowance, ApiKeyDto } from "./types";

type Props = {
  workspaceId: string;
  apiKey: ApiKeyDto;
  allowance: Allowance;
  /** The workspace's key policy requires allowed networks: "Allow any address" is not offered. */
  networksRequired: boolean;
};

const REQUIRED_REASON = "The workspace's key policy requires allowed networks on every key, so they cannot be removed.";

const muted = "text-zinc-600 dark:text-zinc-400";
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

const MODES: { value: NetworkMode; label: string; help: string }[] = [
  { value: "report", label: "Report only", help: "Serve requests from outside the list, and count them." },
  { value: "enforce", label: "Enforce", help: "Refuse requests from outside the list with 403." },
];

function describeList(apiKey: ApiKeyDto): string {
  if (!apiKey.allowedNetworks) return "Any address · this key works from anywhere.";
  const count = plural(apiKey.allowedNetworks.length, "address or range", "addresses or ranges");
  return apiKey.networkMode === "report"
    ? `Report only · ${count}; requests from outside are served and counted.`
    : `Restricted · ${count}; requests from outside are refused.`;
}

export function KeyNetworks({ workspaceId, apiKey, allowance, networksRequired }: Props) {
  const headingId = useId();
  const addresses = useKeyAddresses(workspaceId, apiKey.id, 30);
  const canChange = allowance.allowed && apiKey.status !== "revoked";
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border border-zinc-200 p-4 sm:p-6 dark:border-zinc-800">
      <div>
        <h2 id={headingId} className="text-base font-semibold">
          Networks
        </h2>
        <p className="mt-1 text-sm">{describeList(apiKey)}</p>
        {apiKey.allowedNetworks && (
          <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Allowed networks">
            {apiKey.allowedNetworks.map((network) => (
              <li key={network} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs break-all dark:bg-zinc-800">
                {network}
              </li>
            ))}
          </ul>
        )}
        {!allowance.allowed && <p className={`mt-1 text-xs ${muted}`}>{allowance.reason}</p>}
      </div>

      {canChange && (
        <NetworksEditor
          key={`${JSON.stringify(apiKey.allowedNetworks)} ${apiKey.networkMode}`}
          workspaceId={workspaceId}
          apiKey={apiKey}
          hasTraffic={(addresses.data?.data.length ?? 0) > 0}
          networksRequired={networksRequired}
        />
      )}

      <AddressTable query={addresses} />
    </section>
  );
}

function NetworksEditor({
  workspaceId,
  apiKey,
  hasTraffic,
  networksRequired,
}: {
  workspaceId: string;
  apiKey: ApiKeyDto;
  hasTraffic: boolean;
  networksRequired: boolean;
}) {
  const ids = { text: useId(), checks: useId(), help: useId(), error: useId(), mode: useId(), required: useId() };
  const [text, setText] = useState(() => (apiKey.allowedNetworks ?? []).join("\n"));
  // A key with traffic starts in report-only, so a missing address shows up before it is refused.
  const [mode, setMode] = useState<NetworkMode | null>(apiKey.networkMode);
  const [submitted, setSubmitted] = useState(false);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [filled, setFilled] = useState<string | null>(null);
  const mutation = useChangeKey(workspaceId, apiKey);
  const insights = useKeyInsights(workspaceId, apiKey.id);

  const lines = parseNetworkLines(text);
  const list = networksOf(lines);
  const chosenMode: NetworkMode = mode ?? (hasTraffic ? "report" : "enforce");
  const problem = networksProblem(
    lines,
    networksRequired
      ? "Enter at least one address or range: the workspace's key policy requires them."
      : "Enter at least one address or range, or use Allow any address.",
  );
  const serverError = networksFieldErrors(mutation.error?.fields, ["networkMode"]);
  const error = (submitted ? problem : null) ?? serverError;
  const unchanged = JSON.stringify(list) === JSON.stringify(apiKey.allowedNetworks) && chosenMode === apiKey.networkMode;
  const enforcing =
    chosenMode === "enforce" && (apiKey.networkMode !== "enforce" || JSON.stringify(list) !== JSON.stringify(apiKey.allowedNetworks));

  function edited(next: string) {
    setText(next);
    setFilled(null);
    if (mutation.isError) mutation.reset();
  }

  function save(change: { allowedNetworks: string[] | null; networkMode?: NetworkMode }) {
    mutation.mutate(change, {
      onSuccess: (changed) => {
        setConfirming(null);
        toast.success(
          changed.allowedNetworks === null
            ? `“${changed.description}” works from any address again.`
            : `“${changed.description}” ${changed.networkMode === "report" ? "reports requests from outside its networks" : "now refuses requests from outside its networks"}. Its next request is checked.`,
        );
      },
    });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problem || unchanged) return;
    if (enforcing) setConfirming(list);
    else save({ allowedNetworks: list, networkMode: chosenMode });
  }

  function fillFromTraffic() {
    const suggested = insights.data?.networks.suggestedAllowedNetworks;
    if (!suggested) return;
    const added = suggested.filter((network) => !list.includes(network));
    setText([...lines.map((line) => line.text), ...added].join("\n"));
    setFilled(
      added.length
        ? `Added ${plural(added.length, "address", "addresses")} from the last 30 days. Check them, then save.`
        : "Every address of the last 30 days is already in the list.",
    );
  }

  const suggestion = insights.data?.networks;
  const fillReason = insights.isPending
    ? "Reading the last 30 days of traffic…"
    : insights.isError
      ? `Could not read this key's traffic: ${insights.error.message}`
      : !suggestion?.suggestedAllowedNetworks
        ? suggestion && suggestion.addresses > MAX_NETWORKS
          ? `More than ${MAX_NETWORKS} addresses served requests in the last 30 days: enter ranges instead.`
          : "No served requests in the last 30 days to fill from."
        : null;

  return (
    <form onSubmit={submit} noValidate className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <NetworkLinesField
        ids={{ text: ids.text, help: ids.help, checks: ids.checks, error: ids.error }}
        text={text}
        onChange={edited}
        error={error}
      />

      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={fillFromTraffic}
          aria-disabled={fillReason ? true : undefined}
          aria-describedby={fillReason ? `${ids.mode}-fill` : undefined}
        >
          Fill from traffic
        </Button>
        {(fillReason || filled) && (
          <p id={`${ids.mode}-fill`} role="status" className={`text-xs ${muted}`}>
            {filled ?? fillReason}
          </p>
        )}
      </div>

      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">Requests from outside the list</legend>
        {MODES.map((option) => (
          <label key={option.value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name={ids.mode}
              value={option.value}
              checked={chosenMode === option.value}
              onChange={() => {
                setMode(option.value);
                if (mutation.isError) mutation.reset();
              }}
              className="mt-1 size-4 accent-blue-600"
            />
            <span>
              <span className="font-medium">{option.label}</span>
              <span className={`block text-xs ${muted}`}>{option.help}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {mutation.error && !serverError && !confirming && <FailureMessage failure={mutation.error} />}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={mutation.isPending || unchanged} aria-busy={mutation.isPending && !confirming}>
          {mutation.isPending && !confirming ? "Saving…" : "Save networks"}
        </Button>
        {apiKey.allowedNetworks && (
          <Button
            type="button"
            variant="secondary"
            disabled={mutation.isPending}
            aria-disabled={networksRequired ? true : undefined}
            aria-describedby={networksRequired ? ids.required : undefined}
            onClick={() => {
              if (!networksRequired) save({ allowedNetworks: null });
            }}
          >
            Allow any address
          </Button>
        )}
        <p className={`text-xs ${muted}`}>{unchanged ? "These are the key's current networks." : "Applies from the key's next request."}</p>
        {networksRequired && apiKey.allowedNetworks && (
          <p id={ids.required} className={`w-full text-xs ${muted}`}>
            {REQUIRED_REASON}
          </p>
        )}
      </div>

      <EnforceDialog
        workspaceId={workspaceId}
        apiKey={apiKey}
        list={confirming}
        pending={mutation.isPending}
        failure={mutation.error}
        onCancel={() => {
          setConfirming(null);
          mutation.reset();
        }}
        onConfirm={(list) => save({ allowedNetworks: list, networkMode: "enforce" })}
      />
    </form>
  );
}

/** What the last 7 days would have looked like under `list`: requests and addresses outside it. */
function outsideOf(addresses: KeyAddressesDto, list: readonly string[]) {
  const outside = addresses.data.filter((row) => !isWithin(row.address, list));
  return { addresses: outside.length, requests: outside.reduce((sum, row) => sum + row.requests, 0) };
}

function EnforceDialog({
  workspaceId,
  apiKey,
  list,
  pending,
  failure,
  onCancel,
  onConfirm,
}: {
  workspaceId: string;
  apiKey: ApiKeyDto;
  list: string[] | null;
  pending: boolean;
  failure: ReturnType<typeof useChangeKey>["error"];
  onCancel: () => void;
  onConfirm: (list: string[]) => void;
}) {
  const week = useKeyAddresses(workspaceId, apiKey.id, 7, list !== null);
  const outside = week.data && list ? outsideOf(week.data, list) : null;
  return (
    <AlertDialog.Root
      open={list !== null}
      onOpenChange={(open) => {
        if (!open && !pending) onCancel();
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={contentClass}>
          <AlertDialog.Title className={titleClass}>Enforce this list for “{apiKey.description}”?</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className={descriptionClass}>
              {week.isPending && <p>Counting the last 7 days of requests from outside the list…</p>}
              {week.isError && (
                <p>
                  Could not count the last 7 days of traffic ({week.error.message}), so it is not known whether requests would be refused.
                </p>
              )}
              {outside &&
                (outside.requests === 0 ? (
                  <p>In the last 7 days, every request with this key came from inside this list.</p>
                ) : (
                  <p className="font-medium text-amber-900 dark:text-amber-200">
                    In the last 7 days, {plural(outside.requests, "request")} from {plural(outside.addresses, "address", "addresses")} came
                    from outside this list. From the key&apos;s next request, requests like them are refused with 403.
                  </p>
                ))}
              <p className="mt-2">You can switch back to report only, or widen the list, at any time.</p>
            </div>
          </AlertDialog.Description>
          {failure && <FailureMessage failure={failure} className="mt-4" />}
          <div className={buttonRowClass}>
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <Button onClick={() => list && onConfirm(list)} disabled={pending || week.isPending} aria-busy={pending}>
              {pending ? "Enforcing…" : "Enforce list"}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function AddressTable({ query }: { query: ReturnType<typeof useKeyAddresses> }) {
  const captionId = useId();
  if (query.isPending) return <p className={`text-sm ${muted}`}>Reading where this key was used from…</p>;
  if (query.isError) {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-amber-800 dark:text-amber-300">
        <p className="min-w-0 flex-1">Could not read where this key was used from: {query.error.message} Its networks are unchanged.</p>
        {query.error.kind === "session" && <SignInAgainLink />}
      </div>
    );
  }
  const rows = query.data.data;
  if (rows.length === 0) return <p className={`text-sm ${muted}`}>No requests with this key in the last 30 days.</p>;
  return (
    <div className="space-y-2">
      <h3 id={captionId} className="text-sm font-medium">
        Used from, last 30 days
      </h3>
      <table aria-labelledby={captionId} className="w-full table-fixed text-left text-sm">
        <thead className={`text-xs ${muted}`}>
          <tr>
            <th scope="col" className="w-[45%] py-1 pr-2 font-medium sm:w-auto">
              Address
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">
              Requests
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Last seen
            </th>
            <th scope="col" className="hidden py-1 pr-2 font-medium md:table-cell">
              First seen
            </th>
            <th scope="col" className="py-1 font-medium">
              Allowed
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={row.address} className="align-top">
              <td className="py-1.5 pr-2">
                <span className="font-mono text-xs break-all">{row.address}</span>
                {row.lastUserAgent && (
                  <span className={`block truncate text-xs ${muted}`} title={row.lastUserAgent}>
                    {row.lastUserAgent}
                  </span>
                )}
              </td>
              <td className="py-1.5 pr-2 text-right tabular-nums">{row.requests.toLocaleString("en")}</td>
              <td className="py-1.5 pr-2">
                <RelativeTime iso={row.lastSeenAt} />
              </td>
              <td className="hidden py-1.5 pr-2 md:table-cell">
                <RelativeTime iso={row.firstSeenAt} />
              </td>
              <td className="py-1.5">
                {row.allowed === null ? (
                  <span className={muted}>Any address</span>
                ) : row.allowed ? (
                  "Allowed"
                ) : (
                  <span className="font-medium text-amber-800 dark:text-amber-300">Outside</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
