// What each notice says: a subject naming the workspace and the key (or endpoint), and a plain-text
// and an HTML body saying what happened, what to do, and where (the key's page). The HTML is a few
// inline-styled blocks built from the same lines as the text, escaped here, with no external assets.
// (Not React Email: the worker runs inside Next's server bundle, where Next restricts
// react-dom/server in App Router code; two short templates, one escape, no build step and no
// dependency avoid the question. Each message is the same few lines, so components would add little.)
// The data comes from the outbox row (enqueue.ts) and never holds a secret.
import { reportedBy } from "@/lib/leaks/sources";
import { CATEGORY_LABELS, NOTICE_CATEGORY, type NoticeKind } from "./kinds";

export type MailData = {
  workspace: { id: string; name: string; slug: string };
  key?: { id: string; description: string; expiresAt?: string | null };
  /** Its host only: a webhook URL's path or query may itself be a credential. */
  endpoint?: { id: string; host: string; description: string };
  /** key_exposed: where it was found, and whether the key was revoked or only its previous secret retired. */
  source?: string;
  outcome?: "revoked" | "previous_secret_retired";
  /** key_unused: when the key will be revoked unless it is used. */
  revokeAt?: string;
};

export type Rendered = { subject: string; text: string; html: string };

type Parts = { subject: string; lines: string[]; action: { label: string; url: string } };

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toUTCString().replace("GMT", "UTC") : "never");

function endpointParts(data: MailData, appUrl: string): Parts {
  const endpoint = data.endpoint!;
  return {
    subject: `[${data.workspace.name}] Webhook endpoint on ${endpoint.host} was disabled after failing`,
    lines: [
      `Five deliveries in a row to the webhook endpoint on ${endpoint.host}${endpoint.description ? ` (${endpoint.description})` : ""} of ${data.workspace.name} failed, so it was disabled: no more events are sent to it.`,
      `Fix the receiver, then enable the endpoint again (PATCH /api/v1/workspaces/${data.workspace.id}/webhook-endpoints/${endpoint.id} with {"enabled": true}).`,
    ],
    action: { label: "Read the API reference", url: `${appUrl}/docs/api` },
  };
}

function keyParts(kind: Exclude<NoticeKind, "webhook_failing">, data: MailData, appUrl: string): Parts {
  const ws = `[${data.workspace.name}]`;
  const key = data.key!;
  const keyName = `API key "${key.description}"`;
  const keyPage = { label: "Open the key", url: `${appUrl}/settings/developer/api-keys/${key.id}` };
  const renew = "Create a new key (or set a later expiry on this one) and move your integration to it before then.";
  switch (kind) {
    case "key_expiring_7d":
    case "key_expiring_1d": {
      const days = kind === "key_expiring_7d" ? "7 days" : "1 day";
      return {
        subject: `${ws} ${keyName} expires in ${days}`,
        lines: [
          `The ${keyName} of ${data.workspace.name} expires on ${when(key.expiresAt)}.`,
          `Requests with it will then be refused. ${renew}`,
        ],
        action: keyPage,
      };
    }
    case "key_expired":
      return {
        subject: `${ws} ${keyName} has expired`,
        lines: [
          `The ${keyName} of ${data.workspace.name} expired on ${when(key.expiresAt)}; requests with it are refused.`,
          "If an integration still uses it, create a new key and move the integration to it.",
        ],
        action: keyPage,
      };
    case "key_exposed":
      return {
        subject:
          data.outcome === "previous_secret_retired"
            ? `${ws} ${keyName}: its previous secret was leaked and retired`
            : `${ws} ${keyName} was leaked and has been revoked`,
        lines: [
          data.outcome === "previous_secret_retired"
            ? `A previous secret of the ${keyName} of ${data.workspace.name} was reported as leaked ${reportedBy(data.source ?? "")}; it no longer works. The key's current secret keeps working.`
            : `A secret of the ${keyName} of ${data.workspace.name} was reported as leaked ${reportedBy(data.source ?? "")}, so the key was revoked: requests with it are refused.`,
          "Create a new key for the integrations that used it, and find out where the secret was published.",
        ],
        action: keyPage,
      };
    case "key_unused":
      return {
        subject: `${ws} ${keyName} will be revoked in 7 days as unused`,
        lines: [
          `The ${keyName} of ${data.workspace.name} has not been used for a while; the workspace's key policy revokes it on ${when(data.revokeAt)}.`,
          "If it is still needed, use it once before then; otherwise nothing needs doing.",
        ],
        action: keyPage,
      };
  }
}

const escape = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

/** The message for one notice to one person; `unsubscribeUrl` turns its category off for them. */
export function renderNotice(kind: NoticeKind, data: MailData, appUrl: string, unsubscribeUrl: string): Rendered {
  const { subject, lines, action } = kind === "webhook_failing" ? endpointParts(data, appUrl) : keyParts(kind, data, appUrl);
  const footer = `You get this because you are an owner or admin of ${data.workspace.name}. To stop e-mails about ${CATEGORY_LABELS[NOTICE_CATEGORY[kind]]}: ${unsubscribeUrl}`;
  const text = [...lines, "", `${action.label}: ${action.url}`, "", "--", footer, ""].join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#18181b">
<div style="max-width:560px;margin:0 auto;padding:24px 16px">
<div style="background:#ffffff;border:1px solid #e4e4e7;border-radius:8px;padding:24px">
<h1 style="font-size:18px;line-height:1.4;margin:0 0 16px">${escape(subject)}</h1>
${lines.map((line) => `<p style="font-size:15px;line-height:1.6;margin:0 0 12px">${escape(line)}</p>`).join("\n")}
<p style="margin:20px 0 0"><a href="${escape(action.url)}" style="display:inline-block;background:#18181b;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-size:15px">${escape(action.label)}</a></p>
</div>
<p style="font-size:12px;line-height:1.5;color:#71717a;margin:16px 8px">You get this because you are an owner or admin of ${escape(data.workspace.name)}. <a href="${escape(unsubscribeUrl)}" style="color:#71717a">Stop e-mails about ${escape(CATEGORY_LABELS[NOTICE_CATEGORY[kind]])}</a>.</p>
</div>
</body></html>
`;
  return { subject, text, html };
}
