// Mail settings, read on every call so that a process or a test that sets them first gets them.
// SMTP_URL is set by the launcher to its local catcher when the operator sets none (scripts/start.ts).

/** `smtp://` or `smtps://` URL of the server mail goes through. */
export function smtpUrl(): string {
  const raw = process.env.SMTP_URL;
  if (!raw) throw new Error("SMTP_URL is not set: e-mail cannot be sent. `npm start` sets it to its local mail catcher.");
  return checkSmtpUrl(raw);
}

/** Refuses what is not an smtp:// or smtps:// URL with a host, naming the setting (checked at start too). */
export function checkSmtpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SMTP_URL must be an smtp:// or smtps:// URL, got "${redact(raw)}".`);
  }
  if ((url.protocol !== "smtp:" && url.protocol !== "smtps:") || !url.hostname) {
    throw new Error(`SMTP_URL must be an smtp:// or smtps:// URL with a host, got "${redact(raw)}".`);
  }
  return raw;
}

/** The URL without its password, for messages. */
const redact = (raw: string) => raw.replace(/:\/\/([^:/@]*):[^@/]*@/, "://$1:***@");

export const mailFrom = (): string => process.env.MAIL_FROM || "One <no-reply@localhost>";

/** Where people reach the app: links in mail point here. */
export const publicUrl = (): string => (process.env.AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
