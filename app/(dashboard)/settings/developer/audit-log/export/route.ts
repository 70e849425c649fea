// CSV export of the audit log's filtered view (a download link on the audit log page). Like a
// server action, this is a public endpoint: it builds the actor from the session for the
// workspace the page was rendered for, and exportAuditEvents checks auditLog.read.
import { exportAuditEvents } from "@/lib/audit-log/export";
import { actorFromSession } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";

export async function GET(request: Request): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    const workspaceId = params.get("workspace");
    if (!workspaceId) throw new AppError("invalid_input", "Say which workspace to export: ?workspace=<id>.");
    const actor = await actorFromSession(workspaceId);
    const stream = await exportAuditEvents(actor, {
      action: params.get("action") || undefined,
      targetId: params.get("key") || undefined,
    });
    const slug = (actor.kind === "user" && actor.workspace?.slug) || "workspace";
    const filename = `audit-log-${slug.replace(/[^A-Za-z0-9_-]/g, "-")}-${new Date().toISOString().slice(0, 10)}.csv`;
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
