import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";

/** Agent paths we do not serve: API keys get the agent rule's 403 first, users a 404. */
export async function refuseUnknownAgentPath(actor: Actor): Promise<never> {
  authorize(actor, "agent.access");
  throw new AppError("not_found", "There is no such agent endpoint. See /api/v1/openapi.json for the ones that exist.");
}
