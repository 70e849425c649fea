// The audit log of the workspace the page shows (owners and admins): the first page is read here
// with the filters of the URL; the browser then pages and filters through the REST API. Members
// get a page that says why they cannot read it, not an error.
import { getApiKey } from "@/lib/api-keys/get";
import { listApiKeys } from "@/lib/api-keys/list";
import { listAuditEvents } from "@/lib/audit-log/list";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { AuditLogView, type KeyOption } from "@/components/audit-log/audit-log-view";
import { AUDIT_PAGE_SIZE, parseAuditFilters } from "@/components/audit-log/filters";
import { AuditLogRefusal } from "@/components/audit-log/refusal";
import { NoWorkspace } from "@/components/no-workspace";

export const metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const actor = await requireUser("/settings/developer/audit-log");
  if (!actor.workspace) return <NoWorkspace email={actor.email} />;
  const search = await searchParams;
  const filters = parseAuditFilters({ get: (name) => (typeof search[name] === "string" ? search[name] : null) });

  let initial;
  try {
    initial = await listAuditEvents(actor, { limit: AUDIT_PAGE_SIZE, ...filters });
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden") return <AuditLogRefusal reason={error.message} />;
    throw error;
  }

  const keys: KeyOption[] = (await listApiKeys(actor)).data.map(({ id, description, status }) => ({ id, description, status }));
  if (filters.targetId && !keys.some((key) => key.id === filters.targetId)) {
    // A revoked key (not listed any more), or an id this workspace does not know.
    const key = await getApiKey(actor, { keyId: filters.targetId }).catch(() => null);
    keys.push(
      key
        ? { id: key.id, description: key.description, status: key.status }
        : { id: filters.targetId, description: "Unknown key", status: null },
    );
  }

  return (
    <AuditLogView
      workspace={{ id: actor.workspace.id, name: actor.workspace.name }}
      initial={initial}
      initialFilters={filters}
      keys={keys}
    />
  );
}
