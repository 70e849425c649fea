// Two workspaces, every operation, every demo person, through REST with real tokens: nothing of
// one workspace is visible or changeable from the other; ids of the other workspace are 404.
//   owner@:  Acme OWNER,  Globex MEMBER
//   admin@:  Acme ADMIN,  not in Globex
//   member@: Acme MEMBER, Globex OWNER
import { expect, test } from "@playwright/test";
import { sql, workspaceId } from "../helpers/db";
import { insertKey } from "../helpers/keys";
import { call, userToken } from "./callers";

type Slug = "acme" | "globex";
type Person = "owner" | "admin" | "member";
type Role = "OWNER" | "ADMIN" | "MEMBER" | null;

const ROLES: Record<Person, Record<Slug, Role>> = {
  owner: { acme: "OWNER", globex: "MEMBER" },
  admin: { acme: "ADMIN", globex: null },
  member: { acme: "MEMBER", globex: "OWNER" },
};

type Operation = {
  name: string;
  method: string;
  /** The path on workspace `ws`, about a key or task `id` (of the same or the other workspace). */
  path: (ws: string, id: string) => string;
  body?: unknown;
  /** read: any member; manage: owners and admins. */
  needs: "read" | "manage";
  /** Whether the path names an item (then another workspace's item is 404). */
  item?: "key" | "task";
  ok: number;
};

const OPERATIONS: Operation[] = [
  { name: "list keys", method: "GET", path: (ws) => `/workspaces/${ws}/api-keys`, needs: "read", ok: 200 },
  {
    name: "create key",
    method: "POST",
    path: (ws) => `/workspaces/${ws}/api-keys`,
    body: { description: "isolation" },
    needs: "manage",
    ok: 201,
  },
  { name: "get key", method: "GET", path: (ws, id) => `/workspaces/${ws}/api-keys/${id}`, needs: "read", item: "key", ok: 200 },
  {
    name: "rename key",
    method: "PATCH",
    path: (ws, id) => `/workspaces/${ws}/api-keys/${id}`,
    body: { description: "renamed" },
    needs: "manage",
    item: "key",
    ok: 200,
  },
  {
    name: "roll key",
    method: "POST",
    path: (ws, id) => `/workspaces/${ws}/api-keys/${id}/roll`,
    body: {},
    needs: "manage",
    item: "key",
    ok: 200,
  },
  { name: "key usage", method: "GET", path: (ws, id) => `/workspaces/${ws}/api-keys/${id}/usage`, needs: "read", item: "key", ok: 200 },
  { name: "revoke key", method: "DELETE", path: (ws, id) => `/workspaces/${ws}/api-keys/${id}`, needs: "manage", item: "key", ok: 200 },
  { name: "audit log", method: "GET", path: (ws) => `/workspaces/${ws}/audit-events`, needs: "manage", ok: 200 },
  { name: "list tasks", method: "GET", path: (ws) => `/workspaces/${ws}/tasks?all=true`, needs: "read", ok: 200 },
  { name: "create task", method: "POST", path: (ws) => `/workspaces/${ws}/tasks`, body: { title: "isolation" }, needs: "read", ok: 201 },
  {
    name: "update task",
    method: "PATCH",
    path: (ws, id) => `/workspaces/${ws}/tasks/${id}`,
    body: { done: true },
    needs: "read",
    item: "task",
    ok: 200,
  },
];

function expected(role: Role, op: Operation, sameWorkspace: boolean): number {
  if (role === null) return 404;
  if (op.needs === "manage" && role === "MEMBER") return 403;
  if (op.item && !sameWorkspace) return 404;
  return op.ok;
}

const ids = {} as Record<Slug, string>;
const tokens = {} as Record<Person, string>;

test.beforeAll(async () => {
  [ids.acme, ids.globex] = await Promise.all([workspaceId("acme"), workspaceId("globex")]);
  for (const person of Object.keys(ROLES) as Person[]) tokens[person] = await userToken(`${person}@example.com`);
});

test.beforeEach(async () => {
  await sql("UPDATE api_keys SET revoked_at = now() WHERE revoked_at IS NULL AND workspace_id = ANY($1)", [[ids.acme, ids.globex]]);
});

async function itemOf(kind: "key" | "task" | undefined, slug: Slug): Promise<string> {
  if (kind === "task") {
    const [task] = await sql<{ id: string }>(
      "INSERT INTO tasks (id, workspace_id, title, updated_at) VALUES (gen_random_uuid()::text, $1, 'isolation', now()) RETURNING id",
      [ids[slug]],
    );
    return task!.id;
  }
  return (await insertKey(sql, ids[slug], `isolation-${slug}`)).id;
}

for (const op of OPERATIONS) {
  test(`${op.name}: every person × workspace × item of the same or the other workspace`, async () => {
    const actual: Record<string, number> = {};
    const wanted: Record<string, number> = {};
    for (const person of Object.keys(ROLES) as Person[]) {
      for (const slug of ["acme", "globex"] as Slug[]) {
        for (const same of op.item ? [true, false] : [true]) {
          const itemSlug: Slug = same ? slug : slug === "acme" ? "globex" : "acme";
          const item = await itemOf(op.item, itemSlug);
          const label = `${person} on ${slug}${op.item ? (same ? ", own item" : ", other workspace's item") : ""}`;
          actual[label] = (await call(op.method, op.path(ids[slug], item), tokens[person], op.body)).status;
          wanted[label] = expected(ROLES[person][slug], op, same);
        }
      }
    }
    expect(actual).toEqual(wanted);
  });
}

test("lists never show the other workspace's keys, tasks or events", async () => {
  const acmeKey = await insertKey(sql, ids.acme, "only-in-acme");
  const globexKey = await insertKey(sql, ids.globex, "only-in-globex");
  const owner = tokens.owner; // owner of Acme, member of Globex
  const [acmeKeys, globexKeys, globexTasks, globexEvents] = await Promise.all([
    call("GET", `/workspaces/${ids.acme}/api-keys`, owner),
    call("GET", `/workspaces/${ids.globex}/api-keys`, owner),
    call("GET", `/workspaces/${ids.globex}/tasks?all=true`, owner),
    call("GET", `/workspaces/${ids.globex}/agent/activity?limit=100`, owner),
  ]);
  const acmeTaskIds = (await sql<{ id: string }>("SELECT id FROM tasks WHERE workspace_id = $1", [ids.acme])).map((t) => t.id);
  const acmeKeyIds = (await sql<{ id: string }>("SELECT id FROM api_keys WHERE workspace_id = $1", [ids.acme])).map((k) => k.id);
  expect({
    acme: acmeKeys.body.data!.map((k) => k.id),
    globex: globexKeys.body.data!.map((k) => k.id),
    tasksFromAcme: globexTasks.body.data!.filter((t) => acmeTaskIds.includes(t.id as string)).length,
    eventsAboutAcme: globexEvents.body.data!.filter((e) => acmeKeyIds.includes((e.target as { id: string }).id)).length,
  }).toEqual({ acme: [acmeKey.id], globex: [globexKey.id], tasksFromAcme: 0, eventsAboutAcme: 0 });
});
