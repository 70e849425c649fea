// Settings > Developer > Webhooks, as an owner uses it: add an endpoint (a private address is
// refused on the field), copy its secret once, send a test event and see it delivered to a real
// receiver whose signature verifies with `standardwebhooks`, see a key's revocation arrive, rotate
// the secret (both sign for a while), disable, delete. Members get the reason instead. Every state
// at 390, 768 and 1280 px, light and dark, passes axe.
import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./helpers/axe";
import { insertAcmeKey, sql, workspaceId } from "./helpers/db";
import { signIn } from "./helpers/sign-in";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver";
import { call, userToken } from "./rest/callers";

const PATH = "/settings/developer/webhooks";

// Each state is screenshotted and checked by axe at three widths in two colour schemes: on a busy
// machine the first test takes over a minute.
test.describe.configure({ timeout: 180_000 });
let receiver: WebhookReceiver;

test.beforeEach(async () => {
  await sql(`DELETE FROM webhook_endpoints WHERE workspace_id = $1`, [await workspaceId("acme")]);
  receiver = await startWebhookReceiver();
});

test.afterEach(async () => {
  await receiver.close();
  await sql(`DELETE FROM webhook_endpoints WHERE workspace_id = $1`, [await workspaceId("acme")]);
});

/** Screenshots of the page at three widths, light and dark, each checked by axe. */
async function everyWidth(page: Page, name: string) {
  for (const width of [390, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      // Colours fade for 150 ms after the switch: the screenshot shows them settled.
      await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width} px`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `/tmp/webhooks-${name}-${width}-${colorScheme}.png`, fullPage: true });
      await expectNoA11yViolations(page);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Reads the secret the dialog shows once, and closes it. */
async function takeSecret(page: Page, title: string): Promise<string> {
  const dialog = page.getByRole("dialog", { name: title });
  const secret = (await dialog.getByLabel("Signing secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeFocused();
  return secret;
}

test("an owner adds an endpoint, sees a test event and a revocation arrive signed, rotates its secret, disables and deletes it", async ({
  page,
}) => {
  await signIn(page, "owner@example.com", PATH);
  await expect(page.getByRole("heading", { name: "No endpoints yet" })).toBeVisible();
  await everyWidth(page, "empty");

  // A private address is refused on the field, and what was typed stays.
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add webhook endpoint" });
  await dialog.getByLabel("URL").fill("https://10.0.0.1/hooks");
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog.getByRole("alert")).toContainText("10.0.0.1");
  await expect(dialog.getByLabel("URL")).toBeFocused();
  await expect(dialog.getByLabel("URL")).toHaveValue("https://10.0.0.1/hooks");
  await everyWidth(page, "add-refused");

  await dialog.getByLabel("URL").fill(receiver.url);
  await dialog.getByLabel(/Description/).fill("Security alerts");
  await dialog.getByRole("radio", { name: "Only the events I choose" }).check();
  await dialog.getByRole("checkbox", { name: "api_key.revoked" }).check();
  await dialog.getByRole("checkbox", { name: "webhook.test" }).check();
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByRole("dialog", { name: "Copy the signing secret" })).toBeVisible();
  await everyWidth(page, "secret");
  const secret = await takeSecret(page, "Copy the signing secret");

  const card = page.getByRole("listitem").filter({ hasText: receiver.url });
  await expect(card).toContainText("Security alerts");
  await expect(card).toContainText("Enabled");
  await expect(card).toContainText("api_key.revoked, webhook.test");
  await expect(page.getByText("1 of 10 endpoints")).toBeVisible();

  // A test event: delivered within seconds, signed with the secret the dialog showed.
  await card.getByRole("button", { name: "Send test event" }).click();
  await expect(card.getByText("Delivered")).toBeVisible({ timeout: 15_000 });
  expect(receiver.verify(receiver.received[0]!, secret).type).toBe("webhook.test");
  await everyWidth(page, "delivered");

  // A key revoked over REST reaches it too, with the key and no secret.
  const key = await insertAcmeKey("webhook-watched");
  const owner = await userToken("owner@example.com");
  expect((await call("DELETE", `/workspaces/current/api-keys/${key.id}`, owner)).status).toBe(200);
  await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
  const revoked = receiver.verify(receiver.received[1]!, secret);
  expect({ type: revoked.type, key: (revoked.data.key as { id: string }).id }).toEqual({ type: "api_key.revoked", key: key.id });
  expect(receiver.received[1]!.rawBody).not.toContain(key.secret);

  // Rotating: a new secret, shown once; for 24 hours both sign.
  await card.getByRole("button", { name: "Rotate secret…" }).click();
  await page.getByRole("alertdialog", { name: "Rotate the signing secret?" }).getByRole("button", { name: "Rotate secret" }).click();
  const rotated = await takeSecret(page, "Copy the new signing secret");
  expect(rotated).not.toBe(secret);
  await card.getByRole("button", { name: "Send test event" }).click();
  await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(3);
  const third = receiver.received[2]!;
  expect({ withNew: receiver.verify(third, rotated).type, withOld: receiver.verify(third, secret).type }).toEqual({
    withNew: "webhook.test",
    withOld: "webhook.test",
  });

  // Disabled: said on the card; enabled again.
  await card.getByRole("button", { name: "Disable" }).click();
  await expect(card.getByText("Disabled", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Enable" }).click();
  await expect(card.getByText("Enabled", { exact: true })).toBeVisible();

  // Deleted: gone, and focus back on the heading.
  await card.getByRole("button", { name: "Delete…" }).click();
  await page.getByRole("alertdialog", { name: "Delete this endpoint?" }).getByRole("button", { name: "Delete endpoint" }).click();
  await expect(page.getByRole("heading", { name: "No endpoints yet" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeFocused();
  const [left] = await sql<{ count: number }>(`SELECT count(*)::int AS count FROM webhook_endpoints WHERE workspace_id = $1`, [
    await workspaceId("acme"),
  ]);
  expect(left?.count).toBe(0);
});

test("a failing endpoint's deliveries say why, and can be retried now", async ({ page }) => {
  const owner = await userToken("owner@example.com");
  // Nothing listens on this port (the receiver is closed first), so each attempt fails to connect.
  const url = receiver.url;
  await receiver.close();
  const created = await call("POST", "/workspaces/current/webhook-endpoints", owner, { url, events: ["webhook.test"] });
  expect(created.status).toBe(201);
  const endpointId = created.body.id as string;
  expect((await call("POST", `/workspaces/current/webhook-endpoints/${endpointId}/test`, owner)).status).toBe(202);

  await signIn(page, "owner@example.com", PATH);
  const card = page.getByRole("listitem").filter({ hasText: url });
  await card.getByRole("button", { name: "Show deliveries" }).click();
  await expect(card.getByText("Pending")).toBeVisible({ timeout: 15_000 });
  await expect(card).toContainText("The connection was refused · 1 attempt", { timeout: 15_000 });
  await expect(card).toContainText("next attempt");
  await everyWidth(page, "failing");
  await card.getByRole("button", { name: "Retry now: webhook.test" }).click();
  await expect(page.getByText("Retrying the delivery now.")).toBeVisible();
  await expect(card).toContainText(/2 attempts/, { timeout: 15_000 });
  receiver = await startWebhookReceiver(); // for afterEach
});

test("a member is told why they cannot see the webhooks; an admin can", async ({ page, browser }) => {
  await signIn(page, "member@example.com", PATH);
  await expect(page.getByText("You cannot see this workspace's webhooks")).toBeVisible();
  await expect(page.getByText("Only workspace owners and admins can see and change the workspace's webhook endpoints.")).toBeVisible();
  expect(await page.getByRole("button", { name: "Add endpoint" }).count()).toBe(0);
  await expectNoA11yViolations(page);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@example.com", PATH);
  await expect(admin.getByRole("button", { name: "Add endpoint" })).toBeVisible();
  await admin.context().close();
});
