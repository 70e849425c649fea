// Networks in the dashboard, in real Chromium through the real sign-in: the key's page lists where
// the key was used from; the editor checks each line as it is typed and shows its canonical
// form; Fill from traffic adds the addresses of the last 30 days; report-only is saved at once,
// while enforcing first shows how many requests from how many addresses of the last 7 days came
// from outside the list, and then applies over REST from the next request. The list's badge
// follows. Members read it all. At 390, 768 and 1280 px, with axe.
import { expect, test } from "@playwright/test";
import { insertAcmeKey, resetAcmeRateLimit, revokeAllAcmeKeys } from "./helpers/db";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";
import { call, userToken } from "./rest/callers";
import { expectNoA11yViolations } from "./helpers/axe";

const WIDTHS = [390, 768, 1280];

/** A key that served `requests` requests from this machine, counted (the flush writes within seconds). */
async function keyWithTraffic(description: string, requests: number) {
  const key = await insertAcmeKey(description);
  for (let i = 0; i < requests; i++) expect((await call("GET", "/workspaces/current/tasks", key.secret)).status).toBe(200);
  const owner = await userToken("owner@example.com");
  await expect
    .poll(async () => (await call("GET", `/workspaces/current/api-keys/${key.id}/insights`, owner)).body.networks, { timeout: 20_000 })
    .toMatchObject({ addresses: 1 });
  return key;
}

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
});

// Acme's requests share one budget with the specs that follow.
test.afterAll(resetAcmeRateLimit);

for (const width of WIDTHS) {
  test(`the editor checks each line, fills from traffic, reports, then enforces after saying what would be refused (${width} px)`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    const key = await keyWithTraffic(`deploy-bot-${width}`, 2);
    await signIn(page, "owner@example.com", `${API_KEYS_PATH}/${key.id}`);
    const networks = page.getByRole("region", { name: "Networks" });
    await expect(networks.getByText("Any address · this key works from anywhere.")).toBeVisible();
    const seen = networks.getByRole("table", { name: "Used from, last 30 days" });
    await expect(seen.getByRole("row")).toHaveCount(2);
    // A key with traffic starts in report-only.
    await expect(networks.getByRole("radio", { name: /Report only/ })).toBeChecked();

    const field = networks.getByRole("textbox", { name: "Allowed networks" });
    await field.fill("203.0.113.7/24\n2001:DB8::/48");
    const checks = networks.getByRole("list", { name: "Checked entries" });
    await expect(checks.getByRole("listitem")).toHaveText([
      /203\.0\.113\.7\/24 has host bits set: the network is 203\.0\.113\.0\/24/,
      "✓ 2001:DB8::/48 → 2001:db8::/48",
    ]);
    await field.fill("203.0.113.0/24");
    await networks.getByRole("button", { name: "Fill from traffic" }).click();
    await expect(networks.getByRole("status")).toHaveText("Added 1 address from the last 30 days. Check them, then save.");
    const filled = (await field.inputValue()).split("\n");
    expect(filled).toHaveLength(2);
    await expectNoA11yViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`networks-editor-${width}.png`), fullPage: true });

    await networks.getByRole("button", { name: "Save networks" }).click();
    await expect(page.getByText(`“deploy-bot-${width}” reports requests from outside its networks.`, { exact: false })).toBeVisible();
    await expect(page.getByText("Networks: Report only", { exact: true })).toBeVisible();
    await expect(seen.getByRole("cell", { name: "Allowed", exact: true })).toBeVisible();

    // Enforce only the documentation range: this machine's address is now outside the list.
    await field.fill("203.0.113.0/24");
    await networks.getByRole("radio", { name: /Enforce/ }).check();
    await networks.getByRole("button", { name: "Save networks" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Enforce this list for “deploy-bot-${width}”?` });
    await expect(dialog).toContainText(
      "In the last 7 days, 2 requests from 1 address came from outside this list. From the key's next request, requests like them are refused with 403.",
    );
    await expectNoA11yViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`networks-enforce-${width}.png`) });
    await dialog.getByRole("button", { name: "Enforce list" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Restricted · 1 address or range; requests from outside are refused.")).toBeVisible();
    const refused = await call("GET", "/workspaces/current/tasks", key.secret);
    expect([refused.status, typeof refused.body.clientAddress]).toEqual([403, "string"]);

    await page.goto(API_KEYS_PATH);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `deploy-bot-${width}`, exact: true }) });
    await expect(row.getByText("Networks: Restricted", { exact: true })).toBeVisible();
  });
}

test("Allow any address removes the list at once; a key without traffic starts the editor in enforce", async ({ page }) => {
  const key = await insertAcmeKey("fresh-networks");
  await signIn(page, "owner@example.com", `${API_KEYS_PATH}/${key.id}`);
  const networks = page.getByRole("region", { name: "Networks" });
  await expect(networks.getByText("No requests with this key in the last 30 days.")).toBeVisible();
  await expect(networks.getByRole("radio", { name: /Enforce/ })).toBeChecked();
  // Unavailable, and it says why (still focusable, so the reason is read with it).
  await expect(networks.getByRole("button", { name: "Fill from traffic" })).toHaveAccessibleDescription(
    "No served requests in the last 30 days to fill from.",
  );
  await networks.getByRole("button", { name: "Save networks" }).click();
  await expect(networks.getByText("Enter at least one address or range, or use Allow any address.")).toBeVisible();
  await networks.getByRole("textbox", { name: "Allowed networks" }).fill("198.51.100.0/24");
  await networks.getByRole("button", { name: "Save networks" }).click();
  // Nothing was served in the last 7 days, so nothing would be refused.
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("In the last 7 days, every request with this key came from inside this list.");
  await dialog.getByRole("button", { name: "Enforce list" }).click();
  await expect(networks.getByText(/^Restricted · 1 address or range/)).toBeVisible();
  await networks.getByRole("button", { name: "Allow any address" }).click();
  await expect(networks.getByText("Any address · this key works from anywhere.")).toBeVisible();
  expect((await call("GET", "/workspaces/current/tasks", key.secret)).status).toBe(200);
});

test("members see the networks and where the key was used from, read only", async ({ page }) => {
  const key = await keyWithTraffic("members-networks", 1);
  await call("PATCH", `/workspaces/current/api-keys/${key.id}`, await userToken("owner@example.com"), {
    allowedNetworks: ["203.0.113.0/24"],
    networkMode: "report",
  });
  await signIn(page, "member@example.com", `${API_KEYS_PATH}/${key.id}`);
  const networks = page.getByRole("region", { name: "Networks" });
  await expect(networks.getByText(/^Report only · 1 address or range/)).toBeVisible();
  await expect(networks.getByRole("list", { name: "Allowed networks" })).toHaveText("203.0.113.0/24");
  await expect(networks.getByRole("cell", { name: "Outside", exact: true })).toBeVisible();
  await expect(networks.getByRole("textbox", { name: "Allowed networks" })).toHaveCount(0);
  await expect(networks.getByText(/Only workspace owners and admins can/)).toBeVisible();
});
