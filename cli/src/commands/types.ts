// The shape every command has: its name and arguments, its own flags with what each does,
// examples for its --help, and a function of the parsed arguments. cli/src/main.ts turns these
// into commander commands.
export interface Flags {
  json?: boolean;
  yes?: boolean;
  all?: boolean;
  web?: boolean;
  /** false with --no-browser. */
  browser?: boolean;
  description?: string;
  expiresIn?: string;
  /** --permission, repeatable (commander collects them). */
  permission?: string[];
  fullAccess?: boolean;
  /** --allow, repeatable: addresses or CIDR ranges. */
  allow?: string[];
  reportOnly?: boolean;
  enforce?: boolean;
  anyAddress?: boolean;
  neverExpires?: boolean;
  grace?: string;
  range?: string;
  days?: string;
  /** revoke-all's confirmation: the workspace's slug. */
  confirm?: string;
  title?: string;
  /** webhooks create: where events are sent. */
  url?: string;
  /** webhooks create --events, repeatable or comma-separated: event types. */
  events?: string[];
  limit?: string;
  cursor?: string;
  workspace?: string;
  apiUrl?: string;
  issuer?: string;
  clientId?: string;
  audience?: string;
}

export interface Command {
  /** What follows `one`: a noun and a verb ("keys create"), or one word ("login"). */
  name: string;
  /** Positional arguments, commander-style: "<id>" (required), "[description]" (optional). */
  args?: string[];
  summary: string;
  /** Its flags, commander-style ("--expires-in <duration>"), with what each does. */
  options?: [flags: string, description: string][];
  /** Shown under "Examples:" in the command's --help. */
  examples: string[];
  run: (args: { flags: Flags; positionals: string[] }) => Promise<void>;
}

/** Flags many commands share. */
export const JSON_FLAG: [string, string] = ["--json", "print the result as JSON (one object) on stdout"];
export const PERMISSION_FLAG: [string, string] = [
  "--permission <id...>",
  "a permission the key gets: tasks:read or tasks:write (which includes reading); repeat for several",
];
export const ALLOW_FLAG: [string, string] = [
  "--allow <network...>",
  "an address or CIDR range the key may be used from, e.g. 203.0.113.0/24; repeat for several",
];
export const REPORT_ONLY_FLAG: [string, string] = [
  "--report-only",
  "with --allow: serve requests from outside the list and count them, instead of refusing them",
];
export const WORKSPACE_FLAG: [string, string] = ["--workspace <id>", "the workspace's id (default: current)"];
