"use client";
// The pieces of an audit event as people read them (used by the audit log and a key's history):
// what happened, who did it, what it was about, and from where.
import Link from "next/link";
import type { AuditEventDto } from "@/lib/audit-log/schemas";
import { actionLabel, actorLabel, eventDetail, targetLabel } from "@/lib/audit-log/labels";
import { useExactTime } from "@/components/ui/time";
import { keyHref, linkClass } from "@/components/ui/link-styles";

export function EventWhat({ event }: { event: AuditEventDto }) {
  // Dates inside the detail in the reader's time zone, once in the browser.
  const detail = eventDetail(event, useExactTime());
  return (
    <>
      <span className="block font-medium">{actionLabel(event.action)}</span>
      {detail && <span className="block text-xs break-words text-zinc-600 dark:text-zinc-400">{detail}</span>}
    </>
  );
}

export function EventWho({ actor }: { actor: AuditEventDto["actor"] }) {
  const { name, detail } = actorLabel(actor);
  return (
    <>
      <span className="block break-words">
        {actor.type === "apiKey" && actor.id ? (
          <Link href={keyHref(actor.id)} className={linkClass}>
            {name}
          </Link>
        ) : (
          name
        )}
      </span>
      {detail && <span className="block text-xs break-words text-zinc-600 dark:text-zinc-400">{detail}</span>}
    </>
  );
}

export function EventTarget({ target }: { target: AuditEventDto["target"] }) {
  const label = targetLabel(target);
  if (target.type !== "api_key") return <span className="break-all">{label}</span>;
  return (
    <Link href={keyHref(target.id)} className={`${linkClass} break-words`}>
      {label}
    </Link>
  );
}

export function EventAddress({ event }: { event: AuditEventDto }) {
  if (!event.ip && !event.userAgent) return <span className="text-zinc-600 dark:text-zinc-400">—</span>;
  return (
    <>
      {event.ip && <span className="block font-mono text-xs">{event.ip}</span>}
      {event.userAgent && (
        <span className="block max-w-xs text-xs break-words text-zinc-600 dark:text-zinc-400" title={event.userAgent}>
          {event.userAgent.length > 80 ? `${event.userAgent.slice(0, 80)}…` : event.userAgent}
        </span>
      )}
    </>
  );
}
