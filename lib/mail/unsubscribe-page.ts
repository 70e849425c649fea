// The pages of the one-click unsubscribe link (app/api/unsubscribe/route.ts): plain HTML with its
// own strict Content-Security-Policy (the route is outside proxy.ts, which sets it for pages).
// Opening the link shows what it turns off and a button; the button, and a mail client's RFC 8058
// POST, turn it off. Opening alone changes nothing, so link scanners cannot unsubscribe anyone.
import { AppError, normaliseError } from "@/lib/errors";
import { HTTP_STATUS } from "@/lib/http/errors";
import { CATEGORY_LABELS, type Category } from "./kinds";

const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#18181b;line-height:1.6}button{font:inherit;padding:.5rem 1rem;border-radius:.375rem;border:0;background:#18181b;color:#fff;cursor:pointer}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>
`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      "referrer-policy": "no-referrer",
    },
  });
}

export function confirmPage(category: Category, token: string): Response {
  return page(
    200,
    "Stop these e-mails?",
    `<p>You will no longer get e-mails about ${escape(CATEGORY_LABELS[category])}, in any workspace.</p>
<form method="post" action="/api/unsubscribe?token=${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Stop these e-mails</button></form>`,
  );
}

export function donePage(category: Category): Response {
  return page(
    200,
    "Unsubscribed",
    `<p>You will no longer get e-mails about ${escape(CATEGORY_LABELS[category])}. You can turn them on again with <code>PUT /api/v1/me/notification-preferences</code>.</p>`,
  );
}

export function errorPage(error: unknown): Response {
  const appError = normaliseError(error, "unsubscribe link");
  const status = HTTP_STATUS[appError.code];
  return page(
    status,
    status >= 500 ? "Something went wrong" : "This link does not work",
    `<p>${escape(appError.message)}</p><p>Nothing was changed.</p>`,
  );
}

export const badRequest = () =>
  new AppError("invalid_input", "An unsubscribe request must be a form with List-Unsubscribe=One-Click (RFC 8058).");
