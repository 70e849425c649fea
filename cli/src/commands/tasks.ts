// one tasks list | create: the workspace's tasks (an API key in ONE_API_KEY works here too).
import { TasksApi } from "@onehorizon/sdk-js";
import { CliError, EXIT } from "../exit-codes.js";
import { ago, json, out, say, table } from "../output.js";
import { api, session } from "../session.js";
import { JSON_FLAG, WORKSPACE_FLAG, type Command } from "./types.js";

export const tasksList: Command = {
  name: "tasks list",
  summary: "Open tasks, newest first (--all includes done ones)",
  options: [["--all", "include done tasks"], WORKSPACE_FLAG, JSON_FLAG],
  examples: ["one tasks list", "ONE_API_KEY=one_… one tasks list --all --json"],
  run: async ({ flags }) => {
    const current = session();
    const result = await api(current, () =>
      new TasksApi(current.configuration).listTasks({ workspaceId: flags.workspace ?? "current", all: !!flags.all }),
    );
    if (flags.json) return json(result);
    if (result.data.length === 0) return say(flags.all ? "No tasks." : "No open tasks.");
    out(
      table(
        ["ID", "DONE", "TITLE", "CREATED"],
        result.data.map((t) => [t.id, t.done ? "yes" : "no", t.title, ago(t.createdAt)]),
      ),
    );
  },
};

export const tasksCreate: Command = {
  name: "tasks create",
  summary: "Create a task; prints its id",
  options: [["--title <text>", "what needs doing (required)"], WORKSPACE_FLAG, JSON_FLAG],
  examples: ['one tasks create --title "Ship the release notes"'],
  run: async ({ flags }) => {
    if (flags.title === undefined)
      throw new CliError("Give the task a --title.", EXIT.badInput, ["Run `one tasks create --help` for its usage."]);
    const current = session();
    const task = await api(current, () =>
      new TasksApi(current.configuration).createTask({ workspaceId: flags.workspace ?? "current", title: flags.title! }),
    );
    if (flags.json) return json(task);
    out(task.id);
    say(`Created task "${task.title}".`);
  },
};
