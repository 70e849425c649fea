"use client";
// A list of allowed networks as a person types it: one address or range a line, each checked as it
// is typed (lib/api-keys/networks.ts) with its canonical form shown. The key's Networks section and
// the Add key dialog (when the workspace's key policy requires networks) both use it.
import { canonicalNetwork } from "@/lib/api-keys/networks";

export const MAX_NETWORKS = 50;
const muted = "text-zinc-600 dark:text-zinc-400";
const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export type NetworkLine = { text: string; network?: string; error?: string };

/** Each non-empty line, with its canonical form or why it is not one. */
export function parseNetworkLines(text: string): NetworkLine[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ text: line, ...canonicalNetwork(line) }));
}

/** The canonical networks of the lines, each once. */
export const networksOf = (lines: NetworkLine[]) => [...new Set(lines.flatMap((line) => (line.network ? [line.network] : [])))];

/** Why the lines cannot be saved as a list, or null. `empty`: what to say when there are none. */
export function networksProblem(lines: NetworkLine[], empty: string): string | null {
  const invalid = lines.filter((line) => line.error).length;
  const count = networksOf(lines).length;
  if (lines.length === 0) return empty;
  if (invalid) return `${plural(invalid, "line is", "lines are")} not an address or range; see below.`;
  if (count > MAX_NETWORKS) return `At most ${MAX_NETWORKS} addresses or ranges; this list has ${count}. Use wider ranges.`;
  return null;
}

/** What the server said about the networks (`allowedNetworks`, `allowedNetworks.<n>`, and any `also` field), in one message; null when nothing. */
export function networksFieldErrors(fields: Record<string, string> | undefined, also: string[] = []): string | null {
  const messages = Object.entries(fields ?? {})
    .filter(([field]) => field === "allowedNetworks" || field.startsWith("allowedNetworks.") || also.includes(field))
    .map(([, message]) => message);
  return messages.join(" ") || null;
}

type Props = {
  ids: { text: string; help: string; checks: string; error: string };
  text: string;
  onChange: (text: string) => void;
  /** The message under the field (the list's problem after a submit, or the server's). */
  error: string | null;
  className?: string;
};

export function NetworkLinesField({ ids, text, onChange, error, className = "max-w-xl" }: Props) {
  const lines = parseNetworkLines(text);
  return (
    <div className="space-y-1.5">
      <label htmlFor={ids.text} className="block text-sm font-medium">
        Allowed networks
      </label>
      <p id={ids.help} className={`text-xs ${muted}`}>
        One address (203.0.113.7, 2001:db8::1) or range (203.0.113.0/24, 2001:db8::/48) a line, at most {MAX_NETWORKS}.
      </p>
      <textarea
        id={ids.text}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        rows={Math.min(8, Math.max(3, lines.length + 1))}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${ids.help} ${ids.checks}${error ? ` ${ids.error}` : ""}`}
        className={`block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950 ${className}`}
      />
      <ul id={ids.checks} aria-label="Checked entries" className={`space-y-0.5 text-xs ${className}`}>
        {lines.map((line, index) => (
          <li key={`${index} ${line.text}`} className={`break-words ${line.error ? "text-red-700 dark:text-red-400" : muted}`}>
            {line.error ? (
              line.error
            ) : line.network === line.text ? (
              <>✓ {line.text}</>
            ) : (
              <>
                ✓ {line.text} → <span className="font-mono">{line.network}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p id={ids.error} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
