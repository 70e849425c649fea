// one workspaces list | use <slug|id>: the signed-in user's workspaces, and which one
// `current` means (for the CLI, the dashboard's default and every token of this user).
import { WorkspacesApi } from "@onehorizon/sdk-js";
import { CliError, EXIT } from "../exit-codes.js";
import { json, out, say, table } from "../output.js";
import { api, session } from "../session.js";
import { JSON_FLAG, type Command } from "./types.js";

export const workspacesList: Command = {
  name: "workspaces list",
  summary: "Your workspaces with your role; * marks the current one",
  options: [JSON_FLAG],
  examples: ["one workspaces list", "one workspaces list --json"],
  run: async ({ flags }) => {
    const current = session();
    const result = await api(current, () => new WorkspacesApi(current.configuration).listWorkspaces());
    if (flags.json) return json(result);
    out(
      table(
        ["CURRENT", "NAME", "SLUG", "ROLE", "ID"],
        result.data.map((w) => [w.current ? "*" : "", w.name, w.slug, w.role ?? "-", w.id]),
      ),
    );
  },
};

export const workspacesUse: Command = {
  name: "workspaces use",
  args: ["<slug|id>"],
  summary: "Make a workspace the current one (what `current` and --workspace's default mean)",
  options: [JSON_FLAG],
  examples: ["one workspaces use globex", "one workspaces use WORKSPACE_ID --json"],
  run: async ({ flags, positionals }) => {
    const [wanted, ...extra] = positionals;
    if (!wanted || extra.length)
      throw new CliError("Give one workspace slug or id.", EXIT.badInput, ["Run `one workspaces use --help` for its usage."]);
    const current = session();
    const workspaces = new WorkspacesApi(current.configuration);
    const { data } = await api(current, () => workspaces.listWorkspaces());
    const match = data.find((w) => w.slug === wanted) ?? data.find((w) => w.id === wanted);
    if (!match) {
      throw new CliError(`You are not in a workspace "${wanted}".`, EXIT.notFound, [
        `Yours: ${data.map((w) => w.slug).join(", ") || "none"}.`,
      ]);
    }
    const selected = await api(current, () => workspaces.selectWorkspace({ workspaceId: match.id }));
    if (flags.json) return json(selected);
    say(`Now using ${selected.name} (${selected.slug}) as ${selected.role ?? "an API key"}.`);
  },
};
