// one keys list | get | create | rename | update | roll | usage | addresses | revoke | revoke-all: the workspace's API keys.
import { ApiKeysApi, WorkspacesApi, type ApiKey, type ApiKeyUsage } from "@onehorizon/sdk-js";
import { describeSeconds, parseDuration } from "../duration.js";
import { CliError, EXIT } from "../exit-codes.js";
import { ago, json, out, say, table } from "../output.js";
import { ask, confirm } from "../prompt.js";
import { api, session } from "../session.js";
import { ALLOW_FLAG, JSON_FLAG, PERMISSION_FLAG, REPORT_ONLY_FLAG, WORKSPACE_FLAG, type Command, type Flags } from "./types.js";

const workspaceOf = (flags: Flags) => flags.workspace ?? "current";

function keyId(positionals: string[], command: Command): string {
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new CliError("Give one key id.", EXIT.badInput, [`Run \`one ${command.name} --help\` for its usage.`]);
  return id;
}

const describeAccess = (key: ApiKey) =>
  `${key.permissions ? key.permissions.join(", ") : "full access"}, ${
    key.allowedNetworks
      ? `from ${key.allowedNetworks.join(", ")}${key.networkMode === "report" ? " (report only)" : ""}`
      : "from any address"
  }`;

const describeKey = (key: ApiKey) => `"${key.description}" (${key.hint}, last used ${ago(key.lastUsedAt)})`;

export const keysList: Command = {
  name: "keys list",
  summary: "The workspace's keys that are not revoked, newest first",
  options: [WORKSPACE_FLAG, JSON_FLAG],
  examples: ["one keys list", "one keys list --json | jq -r '.data[].id'"],
  run: async ({ flags }) => {
    const current = session();
    const result = await api(current, () => new ApiKeysApi(current.configuration).listApiKeys({ workspaceId: workspaceOf(flags) }));
    if (flags.json) return json(result);
    if (result.data.length === 0)
      return say(`No API keys yet (at most ${result.limit} active). Create one with \`one keys create --description ci-production\`.`);
    out(
      table(
        ["ID", "DESCRIPTION", "KEY", "CREATED", "LAST USED"],
        result.data.map((k) => [k.id, k.description, k.hint, ago(k.createdAt), ago(k.lastUsedAt)]),
      ),
    );
    say(`${result.data.length} of at most ${result.limit} active keys.`);
  },
};

export const keysGet: Command = {
  name: "keys get",
  args: ["<id>"],
  summary: "One key, active or revoked",
  options: [WORKSPACE_FLAG, JSON_FLAG],
  examples: ["one keys get KEY_ID", "one keys get KEY_ID --json"],
  run: async ({ flags, positionals }) => {
    const current = session();
    const key = await api(current, () =>
      new ApiKeysApi(current.configuration).getApiKey({ workspaceId: workspaceOf(flags), keyId: keyId(positionals, keysGet) }),
    );
    if (flags.json) return json(key);
    out(
      table(
        ["FIELD", "VALUE"],
        [
          ["id", key.id],
          ["description", key.description],
          ["key", key.hint],
          ["status", key.status],
          ["created", `${key.createdAt} by ${key.createdBy.name} <${key.createdBy.email}>`],
          ["expires", key.expiresAt ?? "never"],
          ["last used", key.lastUsedAt ?? "never"],
          ["revoked", key.revokedAt ?? "no"],
        ],
      ),
    );
  },
};

/**
 * The expiry `seconds` from now as the API wants it (RFC 3339), on a whole minute: rounded up, so
 * `--expires-in 1h` still meets the one-hour minimum when the request arrives, unless that passes
 * the 366-day maximum, then rounded down.
 */
function expiresAtIn(seconds: number, now = Date.now()): string {
  const at = now + seconds * 1000;
  const up = Math.ceil(at / 60_000) * 60_000;
  return new Date(up <= now + 366 * 86_400_000 ? up : Math.floor(at / 60_000) * 60_000).toISOString();
}

export const keysCreate: Command = {
  name: "keys create",
  summary: "Create a key; prints only its secret (shown once) on stdout",
  options: [
    ["--description <text>", "names the service and environment that will use it, e.g. ci-production (required)"],
    ["--expires-in <duration>", "stop working after 30d, 24h, 90m, 2w… (1 hour to 366 days; default: never)"],
    [PERMISSION_FLAG[0], `${PERMISSION_FLAG[1]} (default: full access)`],
    [ALLOW_FLAG[0], `${ALLOW_FLAG[1]} (default: any address)`],
    REPORT_ONLY_FLAG,
    WORKSPACE_FLAG,
    JSON_FLAG,
  ],
  examples: [
    "export ONE_API_KEY=$(one keys create --description ci-production)",
    "one keys create --description reporting --permission tasks:read",
    "one keys create --description ci-runner --allow 203.0.113.0/24 --report-only",
    "one keys create --description ci-nightly --expires-in 30d --json",
  ],
  run: async ({ flags, positionals }) => {
    if (flags.description === undefined || positionals.length)
      throw new CliError("Name the key with --description, e.g. --description ci-production.", EXIT.badInput, [
        "Run `one keys create --help` for its usage.",
      ]);
    const expiresAt = flags.expiresIn === undefined ? undefined : expiresAtIn(parseDuration(flags.expiresIn, "expires-in"));
    const current = session();
    const key = await api(current, () =>
      new ApiKeysApi(current.configuration).createApiKey({
        workspaceId: workspaceOf(flags),
        description: flags.description!,
        expiresAt,
        permissions: flags.permission as ApiKey["permissions"] | undefined,
        allowedNetworks: flags.allow,
        networkMode: flags.allow && flags.reportOnly ? "report" : undefined,
      }),
    );
    if (flags.json) return json(key);
    out(key.secret);
    say(
      `Created key "${key.description}" (id ${key.id}, ${describeAccess(key)}${key.expiresAt ? `, expires at ${key.expiresAt}` : ""}). The secret above is shown only this once: store it in a secrets manager now.`,
    );
  },
};

export const keysRename: Command = {
  name: "keys rename",
  args: ["<id>", "[description]"],
  summary: "Change a key's description (or give it with --description)",
  options: [["--description <text>", "the new description, instead of the second argument"], WORKSPACE_FLAG, JSON_FLAG],
  examples: ["one keys rename KEY_ID ci-production-eu", 'one keys rename KEY_ID --description "ci production (eu)"'],
  run: async ({ flags, positionals }) => {
    const [id, positionalDescription, ...extra] = positionals;
    const description = flags.description ?? positionalDescription;
    if (!id || description === undefined || extra.length || (flags.description !== undefined && positionalDescription !== undefined)) {
      throw new CliError("Give one key id and one new description (quote it if it has spaces).", EXIT.badInput, [
        "Run `one keys rename --help` for its usage.",
      ]);
    }
    const current = session();
    const key = await api(current, () =>
      new ApiKeysApi(current.configuration).updateApiKey({ workspaceId: workspaceOf(flags), keyId: id, description }),
    );
    if (flags.json) return json(key);
    say(`Renamed key ${key.id} (${key.hint}) to "${key.description}".`);
  },
};

export const keysUpdate: Command = {
  name: "keys update",
  args: ["<id>"],
  summary: "Change a key's description, permissions or expiry; applies from its next request",
  options: [
    ["--description <text>", "the new description"],
    PERMISSION_FLAG,
    ["--full-access", "give the key full access (every permission, now and later)"],
    ["--expires-in <duration>", "expire this long from now: 30d, 24h, 2w… (1 hour to 366 days)"],
    ["--never-expires", "remove the key's expiry"],
    ALLOW_FLAG,
    ["--any-address", "let the key be used from any address again"],
    REPORT_ONLY_FLAG,
    ["--enforce", "refuse requests from outside the key's allowed networks (403)"],
    WORKSPACE_FLAG,
    JSON_FLAG,
  ],
  examples: [
    "one keys update KEY_ID --permission tasks:read",
    "one keys update KEY_ID --full-access --never-expires",
    "one keys update KEY_ID --expires-in 90d --json",
    "one keys update KEY_ID --allow 203.0.113.0/24 --allow 2001:db8::/48 --report-only",
    "one keys update KEY_ID --enforce",
  ],
  run: async ({ flags, positionals }) => {
    const id = keyId(positionals, keysUpdate);
    const usage = [`Run \`one keys update --help\` for its usage.`];
    if (flags.permission && flags.fullAccess) throw new CliError("Give --permission or --full-access, not both.", EXIT.badInput, usage);
    if (flags.allow && flags.anyAddress) throw new CliError("Give --allow or --any-address, not both.", EXIT.badInput, usage);
    if (flags.reportOnly && flags.enforce) throw new CliError("Give --report-only or --enforce, not both.", EXIT.badInput, usage);
    if (flags.expiresIn !== undefined && flags.neverExpires) {
      throw new CliError("Give --expires-in or --never-expires, not both.", EXIT.badInput, usage);
    }
    const changes = {
      ...(flags.description !== undefined ? { description: flags.description } : {}),
      ...(flags.permission ? { permissions: flags.permission as NonNullable<ApiKey["permissions"]> } : {}),
      ...(flags.fullAccess ? { permissions: null } : {}),
      ...(flags.expiresIn !== undefined ? { expiresAt: expiresAtIn(parseDuration(flags.expiresIn, "expires-in")) } : {}),
      ...(flags.neverExpires ? { expiresAt: null } : {}),
      ...(flags.allow ? { allowedNetworks: flags.allow } : {}),
      ...(flags.anyAddress ? { allowedNetworks: null } : {}),
      ...(flags.reportOnly ? { networkMode: "report" as const } : {}),
      ...(flags.enforce ? { networkMode: "enforce" as const } : {}),
    };
    if (Object.keys(changes).length === 0) {
      throw new CliError(
        "Say what to change: --description, --permission, --full-access, --expires-in, --never-expires, --allow, --any-address, --report-only or --enforce.",
        EXIT.badInput,
        usage,
      );
    }
    const current = session();
    const key = await api(current, () =>
      new ApiKeysApi(current.configuration).updateApiKey({ workspaceId: workspaceOf(flags), keyId: id, ...changes }),
    );
    if (flags.json) return json(key);
    say(
      `Updated key ${key.id} (${key.hint}): "${key.description}", ${describeAccess(key)}, ${key.expiresAt ? `expires at ${key.expiresAt}` : "never expires"}.`,
    );
  },
};

export const keysRoll: Command = {
  name: "keys roll",
  args: ["<id>"],
  summary: "A new secret for the same key; prints only the new secret on stdout",
  options: [
    ["--grace <duration>", "how long the previous secret keeps working at most: 0s to 7d (default 24h)"],
    WORKSPACE_FLAG,
    JSON_FLAG,
  ],
  examples: ["NEW=$(one keys roll KEY_ID --grace 2h)", "one keys roll KEY_ID --grace 0s --json"],
  run: async ({ flags, positionals }) => {
    const id = keyId(positionals, keysRoll);
    const grace = flags.grace === undefined ? undefined : parseDuration(flags.grace, "grace");
    const current = session();
    const key = await api(current, () =>
      new ApiKeysApi(current.configuration).rollApiKey({
        workspaceId: workspaceOf(flags),
        keyId: id,
        previousSecretExpiresInSeconds: grace,
      }),
    );
    if (flags.json) return json(key);
    out(key.secret);
    const previous = key.previousSecret;
    const until =
      previous && Date.parse(previous.expiresAt) > Date.now()
        ? `The previous secret (${previous.hint}) keeps working until ${previous.expiresAt}${grace === undefined ? "" : ` (${describeSeconds(grace)})`} at the latest, or earlier once the new one is in use and the old one sits idle.`
        : "The previous secret no longer works.";
    say(
      `Rolled key "${key.description}" (id ${key.id}); the new secret above is shown only this once: store it in a secrets manager now. ${until}`,
    );
  },
};

const RANGES = ["24h", "7d", "30d"] as const;
const BAR_WIDTH = 40;

/** One row per bucket (UTC hour or day) with the counts and a bar of all requests, then the totals. */
function usageTable(usage: ApiKeyUsage): string {
  const label = (start: string) => (usage.bucketSeconds < 86_400 ? `${start.slice(0, 10)} ${start.slice(11, 16)}` : start.slice(0, 10));
  const most = Math.max(1, ...usage.buckets.map((b) => b.ok + b.rateLimited + b.denied));
  const bar = (count: number) => "#".repeat(count === 0 ? 0 : Math.max(1, Math.round((count / most) * BAR_WIDTH)));
  const rows = usage.buckets.map((b) => [
    label(b.start),
    String(b.ok),
    String(b.rateLimited),
    String(b.denied),
    bar(b.ok + b.rateLimited + b.denied),
  ]);
  const { ok, rateLimited, denied } = usage.totals;
  return table(
    ["START (UTC)", "OK", "LIMITED", "DENIED", "REQUESTS"],
    [...rows, ["total", String(ok), String(rateLimited), String(denied), ""]],
  );
}

export const keysUsage: Command = {
  name: "keys usage",
  args: ["<id>"],
  summary: "Requests a key served: hourly for 24h (the default), daily for 7d and 30d",
  options: [["--range <range>", "24h (hourly, the default), 7d or 30d (daily, UTC)"], WORKSPACE_FLAG, JSON_FLAG],
  examples: ["one keys usage KEY_ID", "one keys usage KEY_ID --range 7d --json"],
  run: async ({ flags, positionals }) => {
    const id = keyId(positionals, keysUsage);
    const range = flags.range;
    if (range !== undefined && !(RANGES as readonly string[]).includes(range)) {
      throw new CliError(`--range must be one of ${RANGES.join(", ")}; got "${range}".`, EXIT.badInput, [
        "Run `one keys usage --help` for its usage.",
      ]);
    }
    const current = session();
    const usage = await api(current, () =>
      new ApiKeysApi(current.configuration).getApiKeyUsage({
        workspaceId: workspaceOf(flags),
        keyId: id,
        range: range as (typeof RANGES)[number] | undefined,
      }),
    );
    if (flags.json) return json(usage);
    out(usageTable(usage));
    say(
      "OK: served; LIMITED: refused by the rate limit (429); DENIED: a revoked, expired or retired secret of this key. Counts appear within 10 seconds.",
    );
  },
};

export const keysAddresses: Command = {
  name: "keys addresses",
  args: ["<id>"],
  summary: "Where a key was used from: each IPv4 address or IPv6 /64, latest first, and whether its list allows it",
  options: [["--days <n>", "the window in whole UTC days, today included: 1 to 30 (default 30)"], WORKSPACE_FLAG, JSON_FLAG],
  examples: ["one keys addresses KEY_ID", "one keys addresses KEY_ID --days 7 --json | jq -r '.data[].address'"],
  run: async ({ flags, positionals }) => {
    const id = keyId(positionals, keysAddresses);
    const days = flags.days === undefined ? undefined : Number(flags.days);
    if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 30)) {
      throw new CliError(`--days must be a whole number from 1 to 30; got "${flags.days}".`, EXIT.badInput, [
        "Run `one keys addresses --help` for its usage.",
      ]);
    }
    const current = session();
    const result = await api(current, () =>
      new ApiKeysApi(current.configuration).listApiKeyAddresses({ workspaceId: workspaceOf(flags), keyId: id, days }),
    );
    if (flags.json) return json(result);
    const window = `the last ${days ?? 30} days`;
    if (result.data.length === 0) return say(`No requests with this key in ${window}. Counts appear within 10 seconds.`);
    out(
      table(
        ["ADDRESS", "REQUESTS", "LAST SEEN", "FIRST SEEN", "ALLOWED", "LAST USER AGENT"],
        result.data.map((row) => [
          row.address,
          String(row.requests),
          ago(row.lastSeenAt),
          ago(row.firstSeenAt),
          row.allowed === null ? "any address" : row.allowed ? "yes" : "no",
          row.lastUserAgent ?? "",
        ]),
      ),
    );
    say(
      `${result.data.length} ${result.data.length === 1 ? "address" : "addresses"} in ${window}. ALLOWED: by the key's list as it is now.`,
    );
  },
};

export const keysRevoke: Command = {
  name: "keys revoke",
  args: ["<id>"],
  summary: "Revoke a key at once (asks first unless --yes)",
  options: [["-y, --yes", "do not ask for confirmation (for scripts)"], WORKSPACE_FLAG, JSON_FLAG],
  examples: ["one keys revoke KEY_ID", "one keys revoke KEY_ID --yes"],
  run: async ({ flags, positionals }) => {
    const id = keyId(positionals, keysRevoke);
    const current = session();
    const keys = new ApiKeysApi(current.configuration);
    const workspaceId = workspaceOf(flags);
    if (!flags.yes) {
      const key = await api(current, () => keys.getApiKey({ workspaceId, keyId: id }));
      if (!key.revokedAt && !(await confirm(`Revoke ${describeKey(key)}? Requests with it will fail immediately.`))) {
        throw new CliError("Nothing was revoked.", EXIT.cancelled);
      }
    }
    const revoked = await api(current, () => keys.revokeApiKey({ workspaceId, keyId: id }));
    if (flags.json) return json(revoked);
    say(`Revoked "${revoked.description}" (${revoked.hint}) at ${revoked.revokedAt}.`);
  },
};

export const keysRevokeAll: Command = {
  name: "keys revoke-all",
  summary: "Revoke every key of the workspace at once (owners; asks for the workspace's slug unless --confirm)",
  options: [["--confirm <slug>", "the workspace's slug, as confirmation (for scripts)"], WORKSPACE_FLAG, JSON_FLAG],
  examples: ["one keys revoke-all", "one keys revoke-all --workspace WORKSPACE_ID --confirm acme"],
  run: async ({ flags }) => {
    const current = session();
    const workspaceId = workspaceOf(flags);
    let confirmation = flags.confirm;
    if (confirmation === undefined) {
      const { data } = await api(current, () => new WorkspacesApi(current.configuration).listWorkspaces());
      const workspace = data.find((item) => (workspaceId === "current" ? item.current : item.id === workspaceId));
      if (!workspace) throw new CliError("You are not a member of that workspace.", EXIT.badInput, ["Run `one workspaces list`."]);
      const keys = await api(current, () => new ApiKeysApi(current.configuration).listApiKeys({ workspaceId: workspace.id }));
      confirmation = await ask(
        `This revokes every API key of "${workspace.name}": ${keys.data.length} ${keys.data.length === 1 ? "key stops" : "keys stop"} working at once, on every service that uses them. Type the workspace's slug, ${workspace.slug}, to confirm:`,
      );
      if (confirmation !== workspace.slug) throw new CliError("Nothing was revoked: the slug did not match.", EXIT.cancelled);
    }
    const result = await api(current, () => new ApiKeysApi(current.configuration).revokeAllApiKeys({ workspaceId, confirm: confirmation }));
    if (flags.json) return json(result);
    say(
      `Revoked ${result.revoked} ${result.revoked === 1 ? "key" : "keys"}. Requests with them are refused from now on; create new keys for the services that need them.`,
    );
  },
};
