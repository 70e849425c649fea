// The workspace's audit events for agent dashboards, newest first, with cursor pagination.
// Agent endpoints need a user (API keys are refused by the permission table). Where people
// were (address, browser) is for owners and admins only: members get null there.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { roleMay } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";

export const activityQuery = z.object({
  limit: z.coerce.number({ error: "limit must be a number." }).int("limit must be a whole number.").min(1, "limit must be at least 1.").max(100, "limit must be at most 100.").default(50),
  // An id pattern, so that nothing else (a NUL byte, 10 kB of text) reaches the database.
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "cursor is not valid: use nextCursor from the previous page.").optional().describe("nextCursor of the previous page."),
});

export const activityEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  actor: z.object({
    type: z.enum(["user", "apiKey", "unknown"]),
    id: z.string().nullable(),
    name: z.string().nullable(),
  }),
  ip: z.string().nullable().describe("The address the change came from; null for members."),
  userAgent: z.string().nullable().describe("The User-Agent of the change; null for members."),
  createdAt: z.iso.datetime(),
});
export type ActivityEvent = z.infer<typeof activityEventSchema>;

export async function listActivity(actor: Actor, query: unknown): Promise<{ data: ActivityEvent[]; nextCursor: string | null }> {
  const scope = authorize(actor, "agent.access");
  const { limit, cursor } = parseInput(activityQuery, query);
  const after = cursor ? await db().auditEvent.findFirst({ where: { id: cursor, workspaceId: scope.workspaceId }, select: { createdAt: true, id: true } }) : null;
  if (cursor && !after) throw new AppError("invalid_input", "cursor is not valid: use nextCursor from the previous page.", { fields: { cursor: "not valid" } });
  const rows = await db().auditEvent.findMany({
    where: {
      workspaceId: scope.workspaceId,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { actorUser: { select: { id: true, name: true } }, actorKey: { select: { id: true, description: true } } },
  });
  const page = rows.slice(0, limit);
  const seesWhere = actor.kind === "user" && roleMay(actor.workspace?.role, "audit.seeClients");
  return {
    data: page.map((e) => ({
      id: e.id,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      actor: e.actorUser
        ? { type: "user" as const, id: e.actorUser.id, name: e.actorUser.name }
        : e.actorKey
          ? { type: "apiKey" as const, id: e.actorKey.id, name: e.actorKey.description }
          : { type: "unknown" as const, id: null, name: null },
      ip: seesWhere ? e.ip : null,
      userAgent: seesWhere ? e.userAgent : null,
      createdAt: e.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
