// The audit log as CSV, for the filtered view of the dashboard: every page of listAuditEvents
// (so the same permission, filters and order), streamed page by page as the download is read.
// The first page is read before anything is sent, so a refusal is an error response, not a
// broken file.
import type { Actor } from "@/lib/auth/actor";
import { AUDIT_CSV_HEADER, auditEventCsvRow } from "./csv";
import { listAuditEvents } from "./list";

const PAGE_SIZE = 100;

export async function exportAuditEvents(
  actor: Actor,
  filters: { action?: string; targetId?: string },
): Promise<ReadableStream<Uint8Array>> {
  const query = (cursor?: string) => ({ ...filters, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  let page = await listAuditEvents(actor, query());
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // A byte order mark, so spreadsheets read the file as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${AUDIT_CSV_HEADER}`));
      }
      controller.enqueue(encoder.encode(page.data.map(auditEventCsvRow).join("")));
      if (!page.nextCursor) return controller.close();
      page = await listAuditEvents(actor, query(page.nextCursor));
    },
  });
}
