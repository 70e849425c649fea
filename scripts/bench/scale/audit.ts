// The audit log as the scale bench reads it: GET …/audit-events, keyset pages of 50.
const AUDIT_PAGE_SIZE = 50;

export function auditLogPath(workspaceId: string, cursor?: string): string {
  const base = `/workspaces/${workspaceId}/audit-events`;
  return `${base}?limit=${AUDIT_PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
}

/** The cursor that opens page `page` (1-based), found by walking the pages through the API. */
export async function cursorOfPage(api: string, token: string, workspaceId: string, page: number): Promise<string> {
  let cursor: string | undefined;
  for (let i = 1; i < page; i++) {
    const response = await fetch(`${api}${auditLogPath(workspaceId, cursor)}`, { headers: { Authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { nextCursor?: string | null };
    if (response.status !== 200 || !body.nextCursor)
      throw new Error(`the audit log ends before page ${page} (page ${i}: ${response.status})`);
    cursor = body.nextCursor;
  }
  if (!cursor) throw new Error("page 1 has no cursor");
  return cursor;
}
