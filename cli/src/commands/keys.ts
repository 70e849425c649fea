// one keys list | get <id> | create --description … [--expires-in 30d] | rename <id> <description>
//   | roll <id> [--grace 24h] | usage <id> [--range 7d] | revoke <id> [--yes]
import { ApiKeysApi, type ApiKey, type ApiKeyUsage } from "@onehorizon/sdk-js";
import { describeSeconds, parseDuration } from "../duration.js";
import { CliError, EXIT } from "../exit-codes.js";
import { ago, json, out, say, table } from "../output.js";
import { confirm } from "../prompt.js";
import { api, session } from "../session.js";
import type { Command, Flags } from "./types.js";

const workspaceOf = (flags: Flags) => flags.workspace ?? "current";

function keyId(positionals: string[], usage: string): string {
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new CliError("Give one key id.", EXIT.badInput, [`Usage: ${usage}`]);
  return id;
}

const describeKey = (key: ApiKey) => `"${key.description}" (${key.hint}, last used ${ago(key.lastUsedAt)})`;

export const keysList: Command = {
  usage: "one keys list [--workspace ID] [--json]",
  summary: "The workspace's keys that are not revoked, newest first",
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
  usage: "one keys get <id> [--workspace ID] [--json]",
  summary: "One key, active or revoked",
  run: async ({ flags, positionals }) => {
    const current = session();
    const key = await api(current, () =>
      new ApiKeysApi(current.configuration).getApiKey({ workspaceId: workspaceOf(flags), keyId: keyId(positionals, keysGet.usage) }),
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
  usage: "one keys create --description TEXT [--expires-in 30d] [--workspace ID] [--json]",
  summary: "Create a key; prints only its secret (shown once) on stdout",
  run: async ({ flags, positionals }) => {
    if (flags.description === undefined || positionals.length)
      throw new CliError("Name the key with --description, e.g. --description ci-production.", EXIT.badInput, [
        `Usage: ${keysCreate.usage}`,
      ]);
    const expiresAt = flags["expires-in"] === undefined ? undefined : expiresAtIn(parseDuration(flags["expires-in"], "expires-in"));
    const current = session();
    const key = await api(current, () =>
      new ApiKeysApi(current.configuration).createApiKey({ workspaceId: workspaceOf(flags), description: flags.description!, expiresAt }),
    );
    if (flags.json) return json(key);
    out(key.secret);
    say(
      `Created key "${key.description}" (id ${key.id}${key.expiresAt ? `, expires at ${key.expiresAt}` : ""}). The secret above is shown only this once: store it in a secrets manager now.`,
    );
  },
};

export const keysRename: Command = {
  usage: "one keys rename <id> <description> [--workspace ID] [--json]",
  summary: "Change a key's description (or give it with --description)",
  run: async ({ flags, positionals }) => {
    const [id, positionalDescription, ...extra] = positionals;
    const description = flags.description ?? positionalDescription;
    if (!id || description === undefined || extra.length || (flags.description !== undefined && positionalDescription !== undefined)) {
      throw new CliError("Give one key id and one new description (quote it if it has spaces).", EXIT.badInput, [
        `Usage: ${keysRename.usage}`,
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

export const keysRoll: Command = {
  usage: "one keys roll <id> [--grace 24h] [--workspace ID] [--json]",
  summary: "A new secret for the same key; prints only the new secret on stdout",
  run: async ({ flags, positionals }) => {
    const id = keyId(positionals, keysRoll.usage);
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
  usage: "one keys usage <id> [--range 24h|7d|30d] [--workspace ID] [--json]",
  summary: "Requests a key served: hourly for 24h (the default), daily for 7d and 30d",
  run: async ({ flags, positionals }) => {
    const id = keyId(positionals, keysUsage.usage);
    const range = flags.range;
    if (range !== undefined && !(RANGES as readonly string[]).includes(range)) {
      throw new CliError(`--range must be one of ${RANGES.join(", ")}; got "${range}".`, EXIT.badInput, [`Usage: ${keysUsage.usage}`]);
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

export const keysRevoke: Command = {
  usage: "one keys revoke <id> [--yes] [--workspace ID] [--json]",
  summary: "Revoke a key at once (asks first unless --yes)",
  run: async ({ flags, positionals }) => {
    const id = keyId(positionals, keysRevoke.usage);
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
