// GET /peer/workspaces/{current|id}/tasks — the peer: the same task list behind better-auth's
// API-key plugin (`Authorization: Bearer peer_…`), verified with auth.api.verifyApiKey on
// every request; the key's metadata names its workspace.
import { jsonResponse } from "@/lib/http/json";
import { peerAuth } from "../../../../../auth";
import { tasksResponse } from "../../../../../tasks";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(request: Request, context: Context) {
  const { workspaceId: ref } = await context.params;
  const key = /^Bearer +(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!key) return jsonResponse(401, { code: 401, message: "Send an API key." });
  const result = await peerAuth().api.verifyApiKey({ body: { key } });
  const workspaceId = (result.key?.metadata as { workspaceId?: string } | null | undefined)?.workspaceId;
  if (!result.valid || !result.key || !workspaceId) {
    const status = result.error?.code === "RATE_LIMITED" ? 429 : 401;
    return jsonResponse(status, { code: status, message: String(result.error?.message ?? "Invalid API key.") });
  }
  if (ref !== "current" && ref !== workspaceId) return jsonResponse(404, { code: 404, message: "No such workspace." });
  return tasksResponse(request, workspaceId, result.key.id);
}
