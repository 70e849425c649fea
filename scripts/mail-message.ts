// Reads a raw e-mail (RFC 5322, as nodemailer writes it) into its headers, its plain-text and its
// HTML part, for the local mail catcher's inbox (mail-catcher.ts) and the tests. Small on purpose:
// headers with folded lines and RFC 2047 encoded words, (nested) multipart bodies, and the
// quoted-printable, base64, 7bit and 8bit transfer encodings.

export type MailMessage = {
  headers: Map<string, string>;
  subject: string;
  from: string;
  to: string;
  date: string;
  text: string;
  html: string;
};

const decodeQuotedPrintable = (body: string) =>
  Buffer.from(
    body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .split("")
      .map((char) => char.charCodeAt(0)),
  ).toString("utf8");

/** `=?utf-8?Q?…?=` and `=?utf-8?B?…?=` words, as nodemailer writes non-ASCII headers. */
const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replaceAll("_", " ")),
    );

function split(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? "" : raw.slice(end).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

/** Every leaf part (content type and decoded body), depth first. */
function leaves(headers: Map<string, string>, body: string): { type: string; content: string }[] {
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [{ type: type.toLowerCase(), content: decodeBody(headers, body) }];
  return body
    .split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:--)?\\r?\\n?`))
    .slice(1)
    .filter((part) => part.trim() !== "")
    .flatMap((part) => {
      const inner = split(part);
      return leaves(inner.headers, inner.body);
    });
}

export function parseMail(raw: string): MailMessage {
  const { headers, body } = split(raw);
  const parts = leaves(headers, body);
  return {
    headers,
    subject: headers.get("subject") ?? "",
    from: headers.get("from") ?? "",
    to: headers.get("to") ?? "",
    date: headers.get("date") ?? "",
    text: parts.find((part) => part.type.startsWith("text/plain"))?.content ?? "",
    html: parts.find((part) => part.type.startsWith("text/html"))?.content ?? "",
  };
}
