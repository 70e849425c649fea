// `one`: parses the command line, runs one command, and turns whatever went wrong into a
// message on stderr and an exit code (exit-codes.ts). Adding a command is one entry in COMMANDS.
import { parseArgs } from "node:util";
import { login, logout, token, whoami } from "./commands/auth.js";
import { keysCreate, keysGet, keysList, keysRename, keysRevoke, keysRoll, keysUsage } from "./commands/keys.js";
import { tasksCreate, tasksList } from "./commands/tasks.js";
import type { Command, Flags } from "./commands/types.js";
import { workspacesList, workspacesUse } from "./commands/workspaces.js";
import { CliError, EXIT } from "./exit-codes.js";
import { out, say } from "./output.js";

const VERSION = "0.1.0";

const COMMANDS: Record<string, Command> = {
  login,
  logout,
  whoami,
  token,
  "keys list": keysList,
  "keys get": keysGet,
  "keys create": keysCreate,
  "keys rename": keysRename,
  "keys roll": keysRoll,
  "keys usage": keysUsage,
  "keys revoke": keysRevoke,
  "workspaces list": workspacesList,
  "workspaces use": workspacesUse,
  "tasks list": tasksList,
  "tasks create": tasksCreate,
};

const OPTIONS = {
  json: { type: "boolean" },
  yes: { type: "boolean", short: "y" },
  all: { type: "boolean" },
  web: { type: "boolean" },
  "no-browser": { type: "boolean" },
  description: { type: "string" },
  "expires-in": { type: "string" },
  grace: { type: "string" },
  range: { type: "string" },
  title: { type: "string" },
  workspace: { type: "string" },
  "api-url": { type: "string" },
  issuer: { type: "string" },
  "client-id": { type: "string" },
  audience: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const;

function help(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.split(" [")[0]!.length));
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.split(" [")[0]!.padEnd(width)}  ${c.summary}`);
  return `one: workspaces, API keys and tasks of One from a terminal

Usage: one <command> [flags]

${lines.join("\n")}

Flags: --json (machine-readable output), --workspace ID (default: current), --yes, -h/--help.
Environment: ONE_API_URL (the app, default http://localhost:3000), ONE_OIDC_ISSUER, ONE_API_KEY
(use an API key instead of signing in; tasks only). Credentials: $XDG_CONFIG_HOME/one/credentials.json.
Exit codes: 0 ok, 1 failure, 2 bad input, 3 not signed in, 4 forbidden, 5 not found, 6 conflict,
7 rate limited, 8 unreachable or unavailable, 9 cancelled.`;
}

export async function main(argv: string[]): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error), EXIT.badInput, [
        "Run `one --help` for the commands and flags.",
      ]);
    }
    const { values, positionals } = parsed;
    if (values.version) return (out(VERSION), EXIT.ok);
    const name = [`${positionals[0]} ${positionals[1]}`, positionals[0] ?? ""].find((candidate) => candidate in COMMANDS);
    if (!name) {
      if (values.help || positionals.length === 0) return (out(help()), EXIT.ok);
      throw new CliError(`Unknown command: one ${positionals.slice(0, 2).join(" ")}.`, EXIT.badInput, [
        "Run `one --help` for the commands.",
      ]);
    }
    const command = COMMANDS[name]!;
    if (values.help) return (out(`Usage: ${command.usage}\n\n${command.summary}.`), EXIT.ok);
    await command.run({ flags: values as Flags, positionals: positionals.slice(name.split(" ").length) });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      say(`one: ${error.message}`);
      for (const hint of error.hints) say(`  ${hint}`);
      return error.exitCode;
    }
    say(`one: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failure;
  }
}
