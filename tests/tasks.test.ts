// Tasks, the data API keys read and write: who may do what (every role, an API key, an
// outsider, no credentials), and that nothing crosses workspaces.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { actorFromRequest, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createTask } from "@/lib/tasks/create";
import { getTask } from "@/lib/tasks/get";
import { listTasks } from "@/lib/tasks/list";
import { updateTask } from "@/lib/tasks/update";
import { anonymous, createWorkspace } from "./fixtures";
import { outcome } from "./helpers/outcome";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
let other: Awaited<ReturnType<typeof createWorkspace>>;
let apiKey: Actor;
let otherWorkspaceKey: Actor;

/** The actor a REST request about workspace `ref` makes with a new key of `owner`'s workspace (the real adapter's door). */
async function keyActor(owner: Awaited<ReturnType<typeof createWorkspace>>["owner"], ref: string): Promise<Actor> {
  const { secret } = await createApiKey(owner, { description: "tasks" });
  return actorFromRequest(new Request("http://localhost/api/v1", { headers: { Authorization: `Bearer ${secret}` } }), ref);
}

beforeAll(async () => {
  [ws, other] = await Promise.all([createWorkspace(), createWorkspace()]);
  [apiKey, otherWorkspaceKey] = await Promise.all([keyActor(ws.owner, ws.workspace.id), keyActor(other.owner, ws.workspace.id)]);
});

describe("who may read and write tasks", () => {
  const cases: Array<[string, () => Actor, string]> = [
    ["owner", () => ws.owner, "ok"],
    ["admin", () => ws.admin, "ok"],
    ["member", () => ws.member, "ok"],
    ["an API key of the workspace", () => apiKey, "ok"],
    ["an API key of another workspace", () => otherWorkspaceKey, "not_found"],
    ["an outsider", () => ws.outsider, "not_found"],
    ["no credentials", () => anonymous, "unauthenticated"],
  ];
  it.each(cases)("%s: list, create, get and update → %s", async (_name, actor, expected) => {
    const task = await createTask(ws.owner, { title: "existing" });
    expect({
      list: await outcome(() => listTasks(actor(), {})),
      create: await outcome(() => createTask(actor(), { title: "new" })),
      get: await outcome(() => getTask(actor(), { taskId: task.id })),
      update: await outcome(() => updateTask(actor(), { taskId: task.id, changes: { done: true } })),
    }).toEqual({ list: expected, create: expected, get: expected, update: expected });
  });
});

describe("tasks stay in their workspace", () => {
  it("a task of another workspace is not found, and never listed", async () => {
    const theirs = await createTask(other.owner, { title: "not yours" });
    const listed = await listTasks(ws.owner, { all: "true" });
    expect({
      get: await outcome(() => getTask(ws.owner, { taskId: theirs.id })),
      update: await outcome(() => updateTask(apiKey, { taskId: theirs.id, changes: { title: "mine now" } })),
      listed: listed.data.some((task) => task.id === theirs.id),
      unchanged: (await db().task.findUniqueOrThrow({ where: { id: theirs.id } })).title,
    }).toEqual({ get: "not_found", update: "not_found", listed: false, unchanged: "not yours" });
  });

  it("lists open tasks newest first, and done ones with all=true", async () => {
    const fresh = await createWorkspace();
    const first = await createTask(fresh.member, { title: "first" });
    const done = await createTask(fresh.member, { title: "done", done: true });
    const last = await createTask(fresh.member, { title: "last" });
    expect({
      open: (await listTasks(fresh.member, {})).data.map((t) => t.id),
      all: (await listTasks(fresh.member, { all: "true" })).data.map((t) => t.id),
    }).toEqual({ open: [last.id, first.id], all: [last.id, done.id, first.id] });
  });

  it("writes record who made them, a person or a key, in the same transaction", async () => {
    const byKey = await createTask(apiKey, { title: "by key" });
    const event = await db().auditEvent.findFirst({ where: { targetId: byKey.id } });
    const row = await db().task.findUniqueOrThrow({ where: { id: byKey.id } });
    expect({ createdByKey: row.createdByKeyId, event: [event?.action, event?.actorType, event?.actorKeyId] }).toEqual({
      createdByKey: (apiKey as { keyId: string }).keyId,
      event: ["task.created", "apiKey", (apiKey as { keyId: string }).keyId],
    });
  });
});

describe("bad input", () => {
  it.each([
    ["an empty title", { title: " " }],
    ["a title of 201 characters", { title: "x".repeat(201) }],
    ["done that is not a boolean", { title: "t", done: "yes" }],
  ])("creating with %s is refused naming the field", async (_name, input) => {
    expect(await outcome(() => createTask(ws.member, input))).toBe("invalid_input");
  });

  it.each([
    ["nothing to change", {}],
    ["a malformed id", "' OR 1=1"],
  ])("updating with %s is refused", async (name, changesOrId) => {
    const task = await createTask(ws.member, { title: "t" });
    const result =
      typeof changesOrId === "string"
        ? await outcome(() => updateTask(ws.member, { taskId: changesOrId, changes: { done: true } }))
        : await outcome(() => updateTask(ws.member, { taskId: task.id, changes: changesOrId }));
    expect(result).toBe(name === "nothing to change" ? "invalid_input" : "not_found");
  });
});
