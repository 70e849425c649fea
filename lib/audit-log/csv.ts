// CSV for spreadsheets: RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted, quotes
// doubled; lines end in CRLF), and a guard against formula injection: a cell that starts with
// = + - @ (or a tab or CR, which some spreadsheets skip before them) is prefixed with a single
// quote, so a key description such as `=HYPERLINK(…)` stays text when the file is opened.
import { actionLabel, actorLabel, eventDetail, targetLabel } from "./labels";
import type { AuditEventDto } from "./schemas";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let cell = String(value);
  if (FORMULA_START.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export const csvRow = (values: Array<string | number | null | undefined>): string => `${values.map(csvCell).join(",")}\r\n`;

/** The first column says its zone: every time in the file is UTC (ISO 8601 with Z), whoever downloads it. */
export const AUDIT_CSV_HEADER = csvRow([
  "time_utc",
  "action",
  "what",
  "detail",
  "actor_type",
  "actor",
  "actor_email",
  "target_type",
  "target_id",
  "target",
  "ip",
  "user_agent",
  "event_id",
]);

export function auditEventCsvRow(event: AuditEventDto): string {
  return csvRow([
    event.createdAt,
    event.action,
    actionLabel(event.action),
    eventDetail(event),
    event.actor.type,
    actorLabel(event.actor).name,
    event.actor.email,
    event.target.type,
    event.target.id,
    targetLabel(event.target),
    event.ip,
    event.userAgent,
    event.id,
  ]);
}
