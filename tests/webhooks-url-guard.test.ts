// Where a webhook endpoint may point, at creation and when its URL changes: https only, public
// addresses only, unless the operator lists the addresses in WEBHOOK_ALLOWED_NETWORKS (then http
// too). Each refusal is a 400 naming `url`. (At delivery the same rule is applied on the address
// connected to: tests/webhooks.test.ts.) No endpoint made here ever gets a delivery.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createWebhookEndpoint } from "@/lib/webhooks/create";
import { updateWebhookEndpoint } from "@/lib/webhooks/update";
import { createWorkspace } from "./fixtures";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
beforeAll(async () => {
  ws = await createWorkspace();
});
afterEach(() => {
  delete process.env.WEBHOOK_ALLOWED_NETWORKS;
});

/** The field messages of the refusal, or "ok". */
async function verdict(url: string): Promise<string> {
  try {
    await createWebhookEndpoint(ws.owner, { url });
    return "ok";
  } catch (error) {
    const { code, fields } = error as { code: string; fields?: Record<string, string> };
    if (code !== "invalid_input" || !fields?.url) throw error;
    return fields.url;
  }
}

describe("without WEBHOOK_ALLOWED_NETWORKS", () => {
  it.each([
    ["http to a public address", "http://93.184.215.14/hook", /must start with https:\/\//],
    ["loopback", "https://127.0.0.1/hook", /127\.0\.0\.1, a loopback address/],
    ["private", "https://10.0.0.1/hook", /10\.0\.0\.1, a private address/],
    ["cloud metadata (link-local)", "https://169.254.169.254/latest/meta-data", /169\.254\.169\.254, a link-local address/],
    ["IPv6 loopback", "https://[::1]/hook", /::1, a loopback address/],
    ["unique-local", "https://[fc00::1]/hook", /fc00::1, a unique-local address/],
    ["multicast", "https://224.0.0.1/hook", /224\.0\.0\.1, a multicast address/],
    ["unspecified", "https://0.0.0.0/hook", /0\.0\.0\.0, an? unspecified address/],
    ["IPv4 written as IPv6", "https://[::ffff:127.0.0.1]/hook", /127\.0\.0\.1, a loopback address/],
    ["a host name resolving to loopback", "https://localhost/hook", /a loopback address/],
    ["carrier-grade NAT", "https://100.64.0.1/hook", /100\.64\.0\.1, a reserved address/],
    ["another scheme", "ftp://93.184.215.14/hook", /must start with https:\/\//],
    ["not a URL", "example.com/hook", /full URL/],
    ["credentials in the URL", "https://user:pw@93.184.215.14/hook", /user name or password/],
    ["a host that does not resolve", "https://no-such-host.invalid/hook", /could not be resolved/],
  ])("%s → 400 naming url", async (_name, url, message) => {
    expect(await verdict(url)).toMatch(message);
  });

  it("a public address over https is accepted", async () => {
    expect(await verdict("https://93.184.215.14/hook")).toBe("ok");
  });

  it("a change of URL is checked the same way", async () => {
    const endpoint = await createWebhookEndpoint(ws.owner, { url: "https://93.184.215.14/other" });
    await expect(
      updateWebhookEndpoint(ws.owner, { endpointId: endpoint.id, changes: { url: "https://10.0.0.1/hook" } }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { url: expect.stringMatching(/private address/) },
    });
  });
});

describe("with WEBHOOK_ALLOWED_NETWORKS", () => {
  it("listed addresses are allowed, over http too; unlisted ones are still refused", async () => {
    process.env.WEBHOOK_ALLOWED_NETWORKS = "127.0.0.1/32, 10.1.0.0/16";
    expect({
      loopback: await verdict("http://127.0.0.1:9/hook"),
      private: await verdict("https://10.1.2.3/hook"),
      outside: await verdict("https://10.2.0.1/hook"),
      http: await verdict("http://93.184.215.14/hook"),
    }).toEqual({
      loopback: "ok",
      private: "ok",
      outside: expect.stringMatching(/private address/),
      http: expect.stringMatching(/must start with https/),
    });
  });
});
