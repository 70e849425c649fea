// The key policy page in real Chromium through the real sign-in: an owner saves a policy (a bad
// number is refused at its field first), the list then marks the existing key that breaks it and
// its page says the fix; the Danger zone's dialog says how many keys will stop working, asks for
// the slug and then says how many were revoked; admins read it all, unable to change it, with the
// reason. At 390, 768 and 1280 px, with axe. Acme's policy is put back to open after each test.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { insertAcmeKey, resetAcmeRateLimit, revokeAllAcmeKeys } from "./helpers/db";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";
import { call, userToken } from "./rest/callers";

const POLICY_PATH = "/settings/developer/key-policy";
const OPEN = { maxLifetimeDays: null, defaultPermissions: null, requireAllowedNetworks: false, revokeUnusedAfterDays: null };
const WIDTHS = [390, 768, 1280];

async function expectNoA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(" ")).join(", ")})`)).toEqual([]);
}

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

test("Revoke all keys says how many will stop working, asks for the slug, then says how many were revoked", async ({ page }, testInfo) => {
  const key = await insertAcmeKey("incident-a");
  await insertAcmeKey("incident-b");
  await signIn(page, "owner@example.com", POLICY_PATH);
  await page.getByRole("button", { name: "Revoke all keys…" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Revoke every API key of Acme?" });
  await expect(dialog).toContainText("2 keys will stop working at once");
  const confirm = dialog.getByRole("button", { name: "Revoke all keys" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type acme to confirm").fill("acme");
  await expectNoA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath("revoke-all-dialog.png") });
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Revoked 2 keys of Acme." })).toBeVisible();
  expect((await call("GET", "/workspaces/current/tasks", key.secret)).status).toBe(401);
});

test("an admin reads the policy without changing it, and cannot revoke all keys, with the reasons", async ({ page }) => {
  await signIn(page, "admin@example.com", POLICY_PATH);
  await expect(page.getByText("Only workspace owners can change the key policy.")).toBeVisible();
  await expect(page.getByLabel("Maximum lifetime (days)")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save policy" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Revoke all keys…" })).toBeDisabled();
  await expect(page.getByText("Only workspace owners can revoke every API key at once.")).toBeVisible();
  await expectNoA11yViolations(page);
});
