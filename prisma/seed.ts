// Seeds the demo workspaces and their people. Safe to run on every start: it only creates what
// is missing and never touches keys, tasks or audit events that exist.
//   Acme   (acme):   owner@ owner, admin@ admin, member@ member
//   Globex (globex): member@ owner, owner@ member (admin@ is not in it)
// Acme's memberships are created first, so every demo account's default workspace is Acme.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { DEMO_ACCOUNTS } from "./demo-accounts";

const DEMO_WORKSPACES: { name: string; slug: string; roles: Record<string, Role>; tasks: string[] }[] = [
  {
    name: "Acme",
    slug: "acme",
    roles: { "owner@example.com": "OWNER", "admin@example.com": "ADMIN", "member@example.com": "MEMBER" },
    tasks: ["Rotate the CI deploy key", "Write the on-call runbook", "Tag release 1.4"],
  },
  {
    name: "Globex",
    slug: "globex",
    roles: { "member@example.com": "OWNER", "owner@example.com": "MEMBER" },
    tasks: ["Migrate billing to the new API", "Review Globex access"],
  },
];

export async function seedDemo(prisma: PrismaClient): Promise<{ workspaceId: string }> {
  const users = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await prisma.user.upsert({
      where: { oidcSubject: account.subject },
      update: {},
      create: { oidcSubject: account.subject, email: account.email, name: account.name },
    });
    users.set(account.email, user.id);
  }

  const ids: string[] = [];
  for (const demo of DEMO_WORKSPACES) {
    const workspace =
      (await prisma.workspace.findUnique({ where: { slug: demo.slug } })) ??
      (await prisma.workspace.create({
        data: { name: demo.name, slug: demo.slug, tasks: { create: demo.tasks.map((title, i) => ({ title, done: i === 2 })) } },
      }));
    ids.push(workspace.id);
    for (const [email, role] of Object.entries(demo.roles)) {
      const userId = users.get(email);
      if (!userId) continue;
      await prisma.membership.upsert({
        where: { workspaceId_userId: { workspaceId: workspace.id, userId } },
        update: {},
        create: { workspaceId: workspace.id, userId, role },
      });
    }
  }
  return { workspaceId: ids[0]! };
}
