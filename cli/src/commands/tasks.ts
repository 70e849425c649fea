// one tasks list [--all] | create --title …  (an API key in ONE_API_KEY works here too)
import { TasksApi } from "@onehorizon/sdk-js";
import { CliError, EXIT } from "../exit-codes.js";
import { ago, json, out, say, table } from "../output.js";
import { api, session } from "../session.js";
import type { Command } from "./types.js";

export const tasksList: Command = {
  usage: "one tasks list [--all] [--workspace ID] [--json]",
  summary: "Open tasks, newest first (--all includes done ones)",
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
  usage: "one tasks create --title TEXT [--workspace ID] [--json]",
  summary: "Create a task; prints its id",
  run: async ({ flags }) => {
    if (flags.title === undefined) throw new CliError("Give the task a --title.", EXIT.badInput, [`Usage: ${tasksCreate.usage}`]);
    const current = session();
    const task = await api(current, () =>
      new TasksApi(current.configuration).createTask({ workspaceId: flags.workspace ?? "current", title: flags.title! }),
    );
    if (flags.json) return json(task);
    out(task.id);
    say(`Created task "${task.title}".`);
  },
};
