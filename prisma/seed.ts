// Seeds the demo workspace "Acme" and its people. Safe to run on every start: it only
// creates what is missing and never touches keys, tasks or audit events that exist.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_ACCOUNTS } from "./demo-accounts";

const ACME_ROLES = {
  "owner@example.com": "OWNER",
  "admin@example.com": "ADMIN",
  "member@example.com": "MEMBER",
} as const;

const DEMO_TASKS = ["Rotate the CI deploy key", "Write the on-call runbook", "Tag release 1.4"];

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

  const existing = await prisma.workspace.findUnique({ where: { slug: "acme" } });
  const workspace =
    existing ??
    (await prisma.workspace.create({
      data: {
        name: "Acme",
        slug: "acme",
        tasks: { create: DEMO_TASKS.map((title, i) => ({ title, done: i === 2 })) },
      },
    }));

  for (const [email, role] of Object.entries(ACME_ROLES)) {
    const userId = users.get(email);
    if (!userId) continue;
    await prisma.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId } },
      update: {},
      create: { workspaceId: workspace.id, userId, role },
    });
  }
  return { workspaceId: workspace.id };
}
