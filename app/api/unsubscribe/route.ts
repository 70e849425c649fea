// GET|POST /api/unsubscribe?token=…: the one-click unsubscribe link of every e-mail (RFC 8058),
// working without signing in (lib/mail/unsubscribe.ts). GET shows what it turns off with a button;
// POST with the form field List-Unsubscribe=One-Click (the button, or a mail client) turns it off.
// A forged or altered token: 403 and nothing changes. Outside /api/v1: a page for people and mail
// clients, not part of the JSON API.
import { observed } from "@/lib/http/observe";
import { readUnsubscribeToken, unsubscribe } from "@/lib/mail/unsubscribe";
import { badRequest, confirmPage, donePage, errorPage } from "@/lib/mail/unsubscribe-page";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4096;
const tokenOf = (request: Request) => new URL(request.url).searchParams.get("token");

export const GET = observed(async (request) => {
  try {
    const token = tokenOf(request);
    return confirmPage(readUnsubscribeToken(token).category, token!);
  } catch (error) {
    return errorPage(error);
  }
});

export const POST = observed(async (request) => {
  try {
    const token = tokenOf(request);
    readUnsubscribeToken(token); // a forged link is refused before the body is read
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw badRequest();
    const form = await request.formData().catch(() => {
      throw badRequest();
    });
    if (form.get("List-Unsubscribe") !== "One-Click") throw badRequest();
    return donePage((await unsubscribe(token)).category);
  } catch (error) {
    return errorPage(error);
  }
});
