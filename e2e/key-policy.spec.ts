// The key policy page in real Chromium through the real sign-in: an owner saves a policy (a bad
// number is refused at its field first), the list then marks the existing key that breaks it and
// its page says the fix; the Danger zone's dialog says how many keys will stop working, asks for
// the slug and then says how many were revoked; admins read it all, unable to change it, with the
// reason. Under a policy, the Add key dialog offers only what it allows and says why; a key the
// unused-key rule has warned is marked with when it goes. At 390, 768 and 1280 px, with axe.
// Acme's policy is put back to open after each test.
import { expect, test } from "@playwright/test";
import { insertAcmeKey, resetAcmeRateLimit, revokeAllAcmeKeys, sql } from "./helpers/db";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";
import { call, userToken } from "./rest/callers";
import { expectNoA11yViolations } from "./helpers/axe";

const POLICY_PATH = "/settings/developer/key-policy";
const OPEN = { maxLifetimeDays: null, defaultPermissions: null, requireAllowedNetworks: false, revokeUnusedAfterDays: null };
const WIDTHS = [390, 768, 1280];

test.beforeEach(revokeAllAcmeKeys);
test.afterEach(async () => {
  await call("PUT", "/workspaces/current/api-key-policy", await userToken("owner@example.com"), OPEN);
});
test.afterAll(resetAcmeRateLimit);

for (const width of WIDTHS) {
  test(`an owner saves a policy; the key that breaks it is marked with its fix (${width} px)`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    const key = await insertAcmeKey(`forever-${width}`);
    await signIn(page, "owner@example.com", POLICY_PATH);
    await expect(page.getByRole("heading", { level: 1, name: "Key policy" })).toBeVisible();
    const lifetime = page.getByLabel("Maximum lifetime (days)");
    await lifetime.fill("400");
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Enter a whole number of days from 1 to 366, or leave it empty.")).toBeVisible();
    await expect(lifetime).toBeFocused();
    await lifetime.fill("90");
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Key policy saved.", { exact: false })).toBeVisible();
    await expect(page.getByText("This is the workspace's current policy.")).toBeVisible();
    await expectNoA11yViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`key-policy-${width}.png`), fullPage: true });

    await page.goto(API_KEYS_PATH);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `forever-${width}`, exact: true }) });
    await expect(row.getByText("Outside policy", { exact: true })).toBeVisible();
    await page.goto(`${API_KEYS_PATH}/${key.id}`);
    await expect(page.getByText("This key is outside the workspace's key policy.", { exact: false })).toBeVisible();
    await expect(page.getByText("It never expires, or expires later than the policy allows", { exact: false })).toBeVisible();
  });
}

for (const width of WIDTHS) {
  test(`under a policy, Add key offers expiries up to the maximum, starts at the default permissions and asks for networks (${width} px)`, async ({
    page,
  }, testInfo) => {
    const owner = await userToken("owner@example.com");
    const policy = { maxLifetimeDays: 45, defaultPermissions: ["tasks:read"], requireAllowedNetworks: true, revokeUnusedAfterDays: null };
    expect((await call("PUT", "/workspaces/current/api-key-policy", owner, policy)).status).toBe(200);
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, "owner@example.com");
    await page.getByRole("button", { name: "Add key" }).click();
    const dialog = page.getByRole("dialog", { name: "Add API key" });
    const expiry = dialog.getByLabel("Expiration");
    await expect(expiry).toHaveValue("45");
    await expect(expiry.getByRole("option")).toHaveText(["7 days", "30 days", "45 days", "A date…"]);
    await expect(dialog.getByText("allows keys to live at most 45 days, so every key expires.", { exact: false })).toBeVisible();
    await expect(dialog.getByText("Permissions: Read only")).toBeVisible();

    await dialog.getByLabel("Description").fill(`policy-${width}`);
    await dialog.getByRole("button", { name: "Create key" }).click();
    const networks = dialog.getByRole("textbox", { name: "Allowed networks" });
    await expect(
      dialog.getByText("This workspace's key policy requires allowed networks: enter at least one address or range."),
    ).toBeVisible();
    await expect(networks).toBeFocused();
    await networks.fill("203.0.113.0/24");
    await expect(dialog.getByRole("listitem").filter({ hasText: "✓ 203.0.113.0/24" })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`add-key-under-policy-${width}.png`), fullPage: true });
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByRole("dialog", { name: "Copy your new API key" })).toBeVisible();

    const listed = await call("GET", "/workspaces/current/api-keys", owner);
    const created = (listed.body.data ?? []).find((key) => key.description === `policy-${width}`) as {
      id: string;
      expiresAt: string;
      [field: string]: unknown;
    };
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect({
      permissions: created.permissions,
      allowedNetworks: created.allowedNetworks,
      networkMode: created.networkMode,
      expiresInAbout45Days: days > 44.9 && days <= 45,
      policyViolations: created.policyViolations,
    }).toEqual({
      permissions: ["tasks:read"],
      allowedNetworks: ["203.0.113.0/24"],
      networkMode: "enforce",
      expiresInAbout45Days: true,
      policyViolations: [],
    });

    // On its page, the networks cannot be removed while the policy requires them.
    await page.goto(`${API_KEYS_PATH}/${created.id}`);
    await expect(page.getByRole("button", { name: "Allow any address" })).toBeDisabled();
    await expect(page.getByText("The workspace's key policy requires allowed networks on every key", { exact: false })).toBeVisible();
  });
}

test("a key the unused-key rule has warned is marked in the list and on its page with when it will be revoked", async ({
  page,
}, testInfo) => {
  const owner = await userToken("owner@example.com");
  const policy = { ...OPEN, revokeUnusedAfterDays: 30 };
  expect((await call("PUT", "/workspaces/current/api-key-policy", owner, policy)).status).toBe(200);
  const key = await insertAcmeKey("idle-bot");
  // What the unused-key job (every 5 minutes) does to a key idle for 23 days: warns it now.
  await sql(`UPDATE "api_keys" SET "created_at" = now() - interval '23 days', "unused_warned_at" = now() WHERE "id" = $1`, [key.id]);
  await signIn(page, "owner@example.com");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "idle-bot", exact: true }) });
  await expect(row.getByText("Unused · revoked in 7 days")).toBeVisible();
  await expectNoA11yViolations(page);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`unused-key-${width}.png`) });
  }
  await page.goto(`${API_KEYS_PATH}/${key.id}`);
  await expect(page.getByText("This key has not been used for a while", { exact: false })).toBeVisible();
  await expect(page.getByText("Any request made with it before then keeps it.", { exact: false })).toBeVisible();
  await expectNoA11yViolations(page);
});

for (const width of WIDTHS) {
  test(`Revoke all keys says how many will stop working, asks for the slug, then says how many were revoked (${width} px)`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    const key = await insertAcmeKey(`incident-a-${width}`);
    await insertAcmeKey(`incident-b-${width}`);
    await signIn(page, "owner@example.com", POLICY_PATH);
    await page.getByRole("button", { name: "Revoke all keys…" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Revoke every API key of Acme?" });
    await expect(dialog).toContainText("2 keys will stop working at once");
    const confirm = dialog.getByRole("button", { name: "Revoke all keys" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Type acme to confirm").fill("acme");
    await expectNoA11yViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`revoke-all-dialog-${width}.png`) });
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Revoked 2 keys of Acme." })).toBeVisible();
    expect((await call("GET", "/workspaces/current/tasks", key.secret)).status).toBe(401);
  });
}

test("an admin reads the policy without changing it, and cannot revoke all keys, with the reasons", async ({ page }) => {
  await signIn(page, "admin@example.com", POLICY_PATH);
  await expect(page.getByText("Only workspace owners can change the key policy.")).toBeVisible();
  await expect(page.getByLabel("Maximum lifetime (days)")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save policy" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Revoke all keys…" })).toBeDisabled();
  await expect(page.getByText("Only workspace owners can revoke every API key at once.")).toBeVisible();
  await expectNoA11yViolations(page);
});
