import { z } from "zod";
import { pageCursor, pageLimit } from "@/lib/paging";
import { auditEventBody, type AuditEventBody } from "./events";

export const auditQuery = z.object({
  limit: pageLimit("Events"),
  cursor: pageCursor(),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, "action must be an event action such as api_key.created.")
    .max(100)
    .optional()
    .describe("Only events with this action, e.g. api_key.revoked."),
  targetId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "targetId must be an id.")
    .optional()
    .describe("Only events about this target (e.g. an API key's id)."),
});

const eventFields = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  actor: z.object({
    type: z.enum(["user", "apiKey", "system", "public"]),
    id: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
  }),
  target: z.object({ type: z.string(), id: z.string(), description: z.string().nullable() }),
  ip: z.string().nullable().describe("The client's address (null for members, who see no person's address)."),
  userAgent: z.string().nullable(),
});

export type AuditEventDto = z.infer<typeof eventFields> & AuditEventBody;

/** An event as the API returns it: one object per action (events.ts), with what it says in `metadata`. */
export const auditEventSchema = z.discriminatedUnion(
  "action",
  // The same objects with the common fields added (mapping a tuple loses its type in TypeScript).
  auditEventBody.options.map((body) => eventFields.extend(body.shape)) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<AuditEventDto>;

export const auditPageSchema = z.object({ data: z.array(auditEventSchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;
