// The launcher's local mail catcher (scripts/mail-catcher.ts) on free ports: what nodemailer sends
// to its SMTP port shows in its inbox page, newest first, with subject, recipient and text, and the
// HTML part on a page of its own; a port in use and a bad SMTP_URL are refused naming the setting.
import nodemailer from "nodemailer";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkSmtpUrl } from "@/lib/mail/config";
import { freePort } from "../scripts/free-port";
import { startMailCatcher, type MailCatcher } from "../scripts/mail-catcher";

let catcher: MailCatcher;
let ports: { smtpPort: number; webPort: number };

beforeAll(async () => {
  ports = { smtpPort: await freePort(), webPort: await freePort() };
  catcher = await startMailCatcher(ports);
});
afterAll(() => catcher.close());

it("shows what it received, newest first, with subject, recipient, text and the HTML version", async () => {
  const transport = nodemailer.createTransport({ url: catcher.smtpUrl });
  for (const n of [1, 2]) {
    await transport.sendMail({
      from: "One <no-reply@localhost>",
      to: `owner${n}@example.test`,
      subject: `[Acme] API key "ci-production" expires in ${n === 1 ? "7 days" : "1 day"} – ünïcode`,
      text: `Line one of message ${n}.\nA long line that nodemailer may wrap with quoted-printable soft breaks ${"x".repeat(90)}`,
      html: `<p>Message <b>${n}</b></p>`,
    });
  }
  transport.close();
  const inbox = await (await fetch(`http://127.0.0.1:${ports.webPort}/`)).text();
  const second = inbox.indexOf("expires in 1 day – ünïcode");
  const first = inbox.indexOf("expires in 7 days – ünïcode");
  expect({
    newestFirst: second !== -1 && first !== -1 && second < first,
    to: inbox.includes("To owner2@example.test"),
    text: inbox.includes(`soft breaks ${"x".repeat(90)}`),
    quotes: inbox.includes("API key &quot;ci-production&quot;"),
  }).toEqual({ newestFirst: true, to: true, text: true, quotes: true });
  const htmlLink = /href="(\/messages\/\d+\.html)"/.exec(inbox)![1]!;
  expect(await (await fetch(`http://127.0.0.1:${ports.webPort}${htmlLink}`)).text()).toBe("<p>Message <b>2</b></p>");
});

it("a port in use names the setting", async () => {
  await expect(startMailCatcher({ smtpPort: ports.smtpPort, webPort: await freePort() })).rejects.toThrow(/MAIL_SMTP_PORT \d+ is in use/);
});

it("a bad SMTP_URL is refused at start naming the setting, without its password", () => {
  expect(() => checkSmtpUrl("http://mail.example.test")).toThrow(/^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
  expect(() => checkSmtpUrl("smtp://user:hunter2@")).toThrow(/SMTP_URL/);
  expect(() => checkSmtpUrl("not a url at all")).toThrow(/SMTP_URL/);
  let message = "";
  try {
    checkSmtpUrl("ftp://user:hunter2@mail.example.test");
  } catch (error) {
    message = (error as Error).message;
  }
  expect({ names: message.includes("SMTP_URL"), password: message.includes("hunter2") }).toEqual({ names: true, password: false });
  expect(checkSmtpUrl("smtps://user:pass@mail.example.test:465")).toBe("smtps://user:pass@mail.example.test:465");
});
