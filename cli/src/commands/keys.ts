// one keys list | get <id> | create --description … | revoke <id> [--yes]
// (rename, roll and usage arrive with their endpoints: one entry each in main.ts's table.)
import { ApiKeysApi, type ApiKey } from "@onehorizon/sdk-js";
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
    if (result.data.length === 0) return say(`No API keys yet (at most ${result.limit} active). Create one with \`one keys create --description ci-production\`.`);
    out(table(["ID", "DESCRIPTION", "KEY", "CREATED", "LAST USED"], result.data.map((k) => [k.id, k.description, k.hint, ago(k.createdAt), ago(k.lastUsedAt)])));
    say(`${result.data.length} of at most ${result.limit} active keys.`);
  },
};

export const keysGet: Command = {
  usage: "one keys get <id> [--workspace ID] [--json]",
  summary: "One key, active or revoked",
  run: async ({ flags, positionals }) => {
    const current = session();
    const key = await api(current, () => new ApiKeysApi(current.configuration).getApiKey({ workspaceId: workspaceOf(flags), keyId: keyId(positionals, keysGet.usage) }));
    if (flags.json) return json(key);
    out(
      table(
        ["FIELD", "VALUE"],
        [
          ["id", key.id],
          ["description", key.description],
          ["key", key.hint],
          ["created", `${key.createdAt} by ${key.createdBy.name} <${key.createdBy.email}>`],
          ["last used", key.lastUsedAt ?? "never"],
          ["revoked", key.revokedAt ?? "no"],
        ],
      ),
    );
  },
};

export const keysCreate: Command = {
  usage: "one keys create --description TEXT [--workspace ID] [--json]",
  summary: "Create a key; prints only its secret (shown once) on stdout",
  run: async ({ flags, positionals }) => {
    if (flags.description === undefined || positionals.length) throw new CliError("Name the key with --description, e.g. --description ci-production.", EXIT.badInput, [`Usage: ${keysCreate.usage}`]);
    const current = session();
    const key = await api(current, () => new ApiKeysApi(current.configuration).createApiKey({ workspaceId: workspaceOf(flags), description: flags.description! }));
    if (flags.json) return json(key);
    out(key.secret);
    say(`Created key "${key.description}" (id ${key.id}). The secret above is shown only this once: store it in a secrets manager now.`);
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
