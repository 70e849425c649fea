// The local mail catcher `npm start` and `npm run dev` run when SMTP_URL is not set: an SMTP server
// (smtp-server) on 127.0.0.1:MAIL_SMTP_PORT that accepts every message and keeps the latest 200 in
// memory, and a plain inbox page on http://localhost:MAIL_WEB_PORT listing them newest first
// (subject, to, time, text; each message's HTML part on a page of its own). Nothing leaves the
// machine and nothing is kept across restarts. Stopped with the rest on Ctrl-C.
import { createServer, type Server } from "node:http";
import { SMTPServer } from "smtp-server";
import { parseMail, type MailMessage } from "./mail-message";

const KEEP = 200;

type Caught = MailMessage & { id: number; receivedAt: Date };

export type MailCatcher = { smtpUrl: string; inboxUrl: string; close: () => Promise<void> };

const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

function inboxPage(messages: Caught[]): string {
  const items = messages.map(
    (m) => `<article>
<h2>${escape(m.subject || "(no subject)")}</h2>
<p class="meta">To ${escape(m.to)} · ${escape(m.receivedAt.toISOString().replace("T", " ").slice(0, 19))} UTC${m.html ? ` · <a href="/messages/${m.id}.html">HTML version</a>` : ""}</p>
<pre>${escape(m.text)}</pre>
</article>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Local inbox (${messages.length})</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#18181b}article{border-top:1px solid #e4e4e7;padding:1rem 0}h2{font-size:1.05rem;margin:0}.meta{color:#52525b;font-size:.875rem;margin:.25rem 0 .5rem}pre{white-space:pre-wrap;font-size:.875rem;background:#f4f4f5;padding:.75rem;border-radius:.375rem}</style>
</head><body><h1>Local inbox</h1>
<p>Mail the app sent through this catcher, newest first (the latest ${KEEP}, kept in memory until the launcher stops). Reload to see new mail.</p>
${items.join("\n") || "<p>No mail yet.</p>"}
</body></html>
`;
}

function listen(server: Server | SMTPServer, port: number, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`${name} ${port} is in use: set ${name} to a free port, or SMTP_URL to your own mail server.`)
          : error,
      ),
    );
    server.listen(port, "127.0.0.1", () => resolve());
  });
}

export async function startMailCatcher(options: { smtpPort: number; webPort: number }): Promise<MailCatcher> {
  const messages: Caught[] = [];
  let nextId = 1;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        messages.unshift({ ...parseMail(Buffer.concat(chunks).toString("utf8")), id: nextId++, receivedAt: new Date() });
        messages.length = Math.min(messages.length, KEEP);
        callback();
      });
    },
  });
  const web = createServer((request, response) => {
    const html = /^\/messages\/(\d+)\.html$/.exec(request.url ?? "");
    const message = html ? messages.find((m) => m.id === Number(html[1])) : undefined;
    if (request.url === "/" || message) {
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        // The messages' own HTML is shown as the app wrote it, without scripts or remote content.
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      });
      return void response.end(message ? message.html : inboxPage(messages));
    }
    response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  });
  await listen(smtp, options.smtpPort, "MAIL_SMTP_PORT");
  await listen(web, options.webPort, "MAIL_WEB_PORT").catch(async (error: Error) => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  });
  return {
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    inboxUrl: `http://localhost:${options.webPort}`,
    close: async () => {
      await new Promise<void>((resolve) => web.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
