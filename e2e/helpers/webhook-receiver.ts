// A real webhook receiver on loopback for the e2e tests: it keeps every request's raw body and
// headers (the signature covers the exact bytes, so the body is never re-serialised) and answers
// 204. The e2e server allows 127.0.0.1 in WEBHOOK_ALLOWED_NETWORKS (playwright.config.ts), which
// is what lets an http:// loopback URL pass the SSRF guard.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedWebhook = { headers: Record<string, string>; rawBody: string };

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** The payload of a request whose signature the `standardwebhooks` package verifies with `secret` (throws otherwise). */
  verify: (request: ReceivedWebhook, secret: string) => { type: string; data: Record<string, unknown> };
  close: () => Promise<void>;
};

const singleValued = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]));

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: singleValued(request.headers), rawBody: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    received,
    verify: (request, secret) =>
      new Webhook(secret).verify(request.rawBody, request.headers) as { type: string; data: Record<string, unknown> },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
