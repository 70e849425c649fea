// How people read audit events: a label for each action, who did it, and a one-line detail from
// the event's metadata. The dashboard (audit log page, a key's history) and the CSV export use
// the same words. Typed by the events' union (events.ts): an action or a retirement reason added
// there does not compile until it has its words here.
import type { AuditAction, AuditEventBody, RetirementReason } from "./events";
import { reportedBy } from "@/lib/leaks/sources";
import type { AuditEventDto } from "./schemas";

export const ACTION_LABELS: Record<AuditAction, string> = {
  "api_key.created": "Created key",
  "api_key.updated": "Changed key",
  "api_key.rolled": "Rolled key",
  "api_key.previous_secret_retired": "Previous secret retired",
  "api_key.revoked": "Revoked key",
  "api_key.exposed": "Key reported as leaked",
  "workspace.api_key_policy_updated": "Changed key policy",
  "webhook_endpoint.created": "Added webhook endpoint",
  "webhook_endpoint.updated": "Changed webhook endpoint",
  "webhook_endpoint.deleted": "Deleted webhook endpoint",
  "webhook_endpoint.secret_rotated": "Rotated webhook secret",
  "task.created": "Created task",
  "task.updated": "Updated task",
};

export const AUDIT_ACTIONS = Object.keys(ACTION_LABELS) as AuditAction[];

export const isAuditAction = (value: unknown): value is AuditAction => typeof value === "string" && Object.hasOwn(ACTION_LABELS, value);

/** The label of an action; an action this version does not know is shown as recorded. */
export const actionLabel = (action: string): string => (isAuditAction(action) ? ACTION_LABELS[action] : action);

/** Who did it: a name and, where there is one, a second line (a person's email, "API key"). */
export function actorLabel(actor: AuditEventDto["actor"]): { name: string; detail: string | null } {
  switch (actor.type) {
    case "user":
      return { name: actor.name ?? "Former member", detail: actor.email };
    case "apiKey":
      return { name: actor.name ?? "Deleted key", detail: "API key" };
    case "system":
      return { name: actor.name ?? "System", detail: "System" };
    case "public":
      return { name: "Public report", detail: "Unauthenticated revocation request" };
  }
}

const RETIREMENT_REASONS: Record<RetirementReason, string> = {
  idle: "idle after the new secret was used",
  deadline: "its grace period ended",
  rolled_again: "the key was rolled again",
  exposed: "it was reported as leaked",
};

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** An event of the union, read defensively: stored metadata may predate a field (or come from elsewhere). */
type Stored = { [A in AuditAction]: { action: A; metadata: Partial<Extract<AuditEventBody, { action: A }>["metadata"]> } }[AuditAction];

/**
 * A short, human detail from the event's metadata, or null. Never a secret: metadata holds none.
 * `formatDate` turns the ISO times in it into what the reader expects (the CSV keeps ISO).
 */
export function eventDetail(event: Pick<AuditEventDto, "action" | "metadata">, formatDate = (iso: string) => iso): string | null {
  if (!isAuditAction(event.action)) return null;
  const stored = { action: event.action, metadata: event.metadata ?? {} } as Stored;
  const date = (value: unknown) => (text(value) ? formatDate(value as string) : null);
  switch (stored.action) {
    case "api_key.created":
      return date(stored.metadata.expiresAt) ? `Expires ${date(stored.metadata.expiresAt)}` : "Never expires";
    case "api_key.updated": {
      const m = stored.metadata;
      if (!m.changes || typeof m.changes !== "object") {
        return text(m.previousDescription) ? `From “${text(m.previousDescription)}” to “${text(m.description)}”` : null;
      }
      const changes = Object.entries(m.changes);
      // A rename alone reads as it always has.
      if (changes.length === 1 && changes[0]![0] === "description") {
        return `From “${text(changes[0]![1]?.from) ?? "—"}” to “${text(changes[0]![1]?.to) ?? "—"}”`;
      }
      const parts = changes.map(([field, change]) => changeDetail(field, change, date));
      return parts.length ? parts.join("; ") : null;
    }
    case "api_key.rolled": {
      const m = stored.metadata;
      return text(m.previousHint)
        ? `Previous secret ${text(m.previousHint)} works until ${date(m.previousSecretExpiresAt) ?? "—"} at the latest`
        : null;
    }
    case "api_key.previous_secret_retired": {
      const { reason, hint } = stored.metadata;
      if (!text(reason)) return null;
      const why = Object.hasOwn(RETIREMENT_REASONS, reason!) ? RETIREMENT_REASONS[reason!] : reason;
      return `${text(hint) ?? "The previous secret"} retired: ${why}`;
    }
    case "api_key.exposed": {
      const m = stored.metadata;
      if (!text(m.source)) return null;
      const which = m.outcome === "previous_secret_retired" ? "Previous secret reported" : "Reported";
      return `${which} ${reportedBy(text(m.source)!)}${text(m.url) ? ` at ${text(m.url)}` : ""}`;
    }
    case "task.updated": {
      const { changed } = stored.metadata;
      return Array.isArray(changed) ? `Changed ${changed.filter((field) => typeof field === "string").join(", ")}` : null;
    }
    case "api_key.revoked": {
      const m = stored.metadata;
      return m.bulk === true
        ? "Revoked with every key of the workspace"
        : m.reason === "unused"
          ? "Unused for longer than the key policy allows"
          : null;
    }
    case "workspace.api_key_policy_updated": {
      const { from, to } = stored.metadata;
      if (!from || !to || typeof from !== "object" || typeof to !== "object") return null;
      const parts = (Object.keys(POLICY_WORDS) as (keyof typeof POLICY_WORDS)[])
        .filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]))
        .map((field) => `${POLICY_WORDS[field].name}: ${POLICY_WORDS[field].value(from[field])} → ${POLICY_WORDS[field].value(to[field])}`);
      return parts.length ? parts.join("; ") : null;
    }
    case "task.created":
      return null;
    case "webhook_endpoint.created":
    case "webhook_endpoint.deleted":
      return text(stored.metadata.url);
    case "webhook_endpoint.updated": {
      const { changes } = stored.metadata;
      return changes && typeof changes === "object" ? `Changed ${Object.keys(changes).join(", ")}` : null;
    }
    case "webhook_endpoint.secret_rotated": {
      const m = stored.metadata;
      return date(m.previousSecretExpiresAt) ? `The previous secret also signs until ${date(m.previousSecretExpiresAt)}` : null;
    }
    default:
      return unlabelled(stored);
  }
}

const days = (v: unknown) => (typeof v === "number" ? `${v} days` : "none");
/** The policy's fields in words, for its change's detail. */
const POLICY_WORDS = {
  maxLifetimeDays: { name: "Maximum lifetime", value: days },
  defaultPermissions: { name: "Default permissions", value: (v: unknown) => (Array.isArray(v) ? v.join(", ") : "Full access") },
  requireAllowedNetworks: { name: "Allowed networks required", value: (v: unknown) => (v === true ? "yes" : "no") },
  revokeUnusedAfterDays: { name: "Revoke unused keys after", value: (v: unknown) => (typeof v === "number" ? `${v} days` : "never") },
};

/** One field's change in words, e.g. `Permissions: Full access → tasks:read`. */
function changeDetail(
  field: string,
  change: { from?: unknown; to?: unknown } | undefined,
  date: (value: unknown) => string | null,
): string {
  const value = (v: unknown): string => {
    if (field === "permissions") return Array.isArray(v) ? v.join(", ") : "Full access";
    if (field === "expiresAt") return date(v) ?? "Never";
    if (field === "allowedNetworks") return Array.isArray(v) ? v.join(", ") : "Any address";
    if (field === "networkMode") return v === "report" ? "Report only" : v === "enforce" ? "Enforce" : "—";
    return text(v) ? `“${text(v)}”` : "—";
  };
  const NAMES: Record<string, string> = {
    expiresAt: "Expiry",
    permissions: "Permissions",
    allowedNetworks: "Allowed networks",
    networkMode: "Network mode",
  };
  const name = NAMES[field] ?? "Description";
  return `${name}: ${value(change?.from)} → ${value(change?.to)}`;
}

/** Does not compile when an action of the union has no case above. */
const unlabelled = (event: never): null => (void event, null);

/** What the event is about, for people: a key's description, a task's id or a webhook endpoint's description. */
export function targetLabel(target: AuditEventDto["target"]): string {
  if (target.type === "api_key") return target.description ?? `Key ${target.id}`;
  if (target.type === "task") return `Task ${target.id}`;
  if (target.type === "webhook_endpoint") return target.description || `Webhook endpoint ${target.id}`;
  return `${target.type} ${target.id}`;
}
