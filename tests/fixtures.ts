// Real state for integration tests: a fresh workspace with one person per role (and an
// outsider), created through Prisma in this run's database. Actors are built by the same
// lookup the app uses for every request.
import { randomBytes } from "node:crypto";
import { loadUserActor, type Actor, type UserActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const TEST_CLIENT = { ip: "203.0.113.7", userAgent: "vitest" };

async function userIn(workspaceId: string | null, role: Role | null, tag: string) {
  const id = randomBytes(5).toString("hex");
  const user = await db().user.create({
    data: { oidcSubject: `test-${tag}-${id}`, email: `${tag}-${id}@example.test`, name: `${tag} ${id}` },
  });
  if (workspaceId && role) await db().membership.create({ data: { workspaceId, userId: user.id, role } });
  return (await loadUserActor(user.oidcSubject, "session", TEST_CLIENT)) as UserActor;
}

export async function createWorkspace() {
  const id = randomBytes(5).toString("hex");
  const workspace = await db().workspace.create({ data: { name: `Workspace ${id}`, slug: `ws-${id}` } });
  const [owner, admin, member, outsider] = await Promise.all([
    userIn(workspace.id, "OWNER", "owner"),
    userIn(workspace.id, "ADMIN", "admin"),
    userIn(workspace.id, "MEMBER", "member"),
    userIn(null, null, "outsider"),
  ]);
  return { workspace, owner: owner!, admin: admin!, member: member!, outsider: outsider! };
}

export const anonymous: Actor = { kind: "anonymous", reason: "missing", client: TEST_CLIENT };
