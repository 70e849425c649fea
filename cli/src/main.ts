// `one`: the command line, parsed by commander and shaped like `gh`: `one <noun> <verb>`, each
// command with its own flags (anything else is refused), and `one <noun> <verb> --help` showing
// them with examples. Whatever goes wrong becomes a message on stderr and an exit code
// (exit-codes.ts). Adding a command is one entry in COMMANDS.
import { Command as Program, CommanderError } from "commander";
import { login, logout, token, whoami } from "./commands/auth.js";
import {
  keysAddresses,
  keysCreate,
  keysGet,
  keysList,
  keysRename,
  keysRevoke,
  keysRevokeAll,
  keysRoll,
  keysUpdate,
  keysUsage,
} from "./commands/keys.js";
import { tasksCreate, tasksList } from "./commands/tasks.js";
import type { Command, Flags } from "./commands/types.js";
import { webhooksCreate, webhooksDeliveries, webhooksList, webhooksTest } from "./commands/webhooks.js";
import { workspacesList, workspacesUse } from "./commands/workspaces.js";
import { CliError, EXIT } from "./exit-codes.js";
import { out, say } from "./output.js";

const VERSION = "0.1.0";

const COMMANDS: Command[] = [
  login,
  logout,
  whoami,
  token,
  keysList,
  keysGet,
  keysCreate,
  keysRename,
  keysUpdate,
  keysRoll,
  keysUsage,
  keysAddresses,
  keysRevoke,
  keysRevokeAll,
  workspacesList,
  workspacesUse,
  tasksList,
  tasksCreate,
  webhooksList,
  webhooksCreate,
  webhooksTest,
  webhooksDeliveries,
];

const NOUNS: Record<string, string> = {
  keys: "Manage the workspace's API keys (owners and admins change them; members read)",
  workspaces: "Your workspaces, and which one `current` means",
  tasks: "The workspace's tasks (also with an API key in ONE_API_KEY)",
  webhooks: "Where the workspace's key events are sent, and how each delivery went (owners and admins)",
};

const FOOTER = `
Environment: ONE_API_URL (the app, default http://localhost:3000), ONE_OIDC_ISSUER, ONE_API_KEY
(use an API key instead of signing in; tasks only). Credentials: $XDG_CONFIG_HOME/one/credentials.json.
Exit codes: 0 ok, 1 failure, 2 bad input, 3 not signed in, 4 forbidden, 5 not found, 6 conflict,
7 rate limited, 8 unreachable or unavailable, 9 cancelled.
Run \`one <command> <subcommand> --help\` for a command's flags and examples.`;

/** The commander program: a subcommand per noun, a sub-subcommand per verb, each with its own flags. */
function program(): Program {
  const root = new Program("one")
    .description("one: workspaces, API keys, tasks and webhooks of One from a terminal")
    .version(VERSION, "--version", "print the version")
    .helpOption("-h, --help", "show help")
    .helpCommand(false)
    .addHelpText("after", FOOTER)
    .showSuggestionAfterError(true);
  const groups = new Map<string, Program>();
  for (const command of COMMANDS) {
    const [noun, verb] = command.name.split(" ");
    let parent = root;
    if (verb) {
      if (!groups.has(noun!))
        groups.set(
          noun!,
          root
            .command(noun!)
            .description(NOUNS[noun!] ?? "")
            .helpCommand(false),
        );
      parent = groups.get(noun!)!;
    }
    const sub = parent.command(verb ?? noun!).description(command.summary);
    for (const arg of command.args ?? []) sub.argument(arg);
    for (const [flags, description] of command.options ?? []) sub.option(flags, description);
    sub.addHelpText("after", `\nExamples:\n${command.examples.map((example) => `  $ ${example}`).join("\n")}`);
    sub.action(async (...args: unknown[]) => {
      const flags = args.at(-2) as Flags;
      const positionals = args.slice(0, -2).filter((value): value is string => typeof value === "string");
      await command.run({ flags, positionals });
    });
  }
  // Everything commander prints goes where `one` prints it: help to stdout, errors through CliError.
  for (const command of [root, ...groups.values(), ...root.commands.flatMap((c) => c.commands)]) {
    command.exitOverride().configureOutput({ writeOut: out, writeErr: say, outputError: () => {} });
  }
  return root;
}

/** Which command a refused command line was for, to point at its --help. */
function helpFor(argv: string[]): string {
  const words = argv.filter((word) => !word.startsWith("-")).slice(0, 2);
  const known = COMMANDS.find((c) => c.name === words.join(" ")) ?? COMMANDS.find((c) => c.name === words[0]);
  const noun = words[0] && words[0] in NOUNS ? words[0] : null;
  return `Run \`one ${known ? `${known.name} ` : noun ? `${noun} ` : ""}--help\` for the ${known ? "flags and examples" : "commands"}.`;
}

export async function main(argv: string[]): Promise<number> {
  const cli = program();
  try {
    if (argv.length === 0) return (cli.outputHelp(), EXIT.ok);
    await cli.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; a noun without a verb shows its commands.
      if (error.exitCode === 0) return EXIT.ok;
      if (error.code === "commander.help") return EXIT.badInput;
      say(`one: ${error.message.replace(/^error: /, "")}`);
      say(`  ${helpFor(argv)}`);
      return EXIT.badInput;
    }
    if (error instanceof CliError) {
      say(`one: ${error.message}`);
      for (const hint of error.hints) say(`  ${hint}`);
      return error.exitCode;
    }
    say(`one: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failure;
  }
}
