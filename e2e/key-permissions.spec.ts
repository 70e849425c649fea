// Permissions in the dashboard, in real Chromium through the real sign-in: the three presets of
// the Add key dialog (behind their disclosure) and the access word in the list, the key page's
// suggestion from the key's own traffic accepted in one confirmed click (and enforced over REST
// from the next request), the unused full-access key offered for revocation, and members reading
// it all. At 390, 768 and 1280 px, with axe.
import { expect, test, type Page } from "@playwright/test";
import { insertAcmeKey, resetAcmeRateLimit, revokeAllAcmeKeys } from "./helpers/db";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";
import { call, userToken } from "./rest/callers";
import { expectNoA11yViolations } from "./helpers/axe";

const WIDTHS = [390, 768, 1280];

/** Adds a key through the dialog with the given access, closes the reveal, and returns its row. */
async function addKey(page: Page, description: string, choose: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.getByRole("button", { name: "Add key" }).click();
  const dialog = page.getByRole("dialog", { name: "Add API key" });
  await dialog.getByLabel("Description").fill(description);
  await choose(dialog);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("dialog", { name: "Copy your new API key" })).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close, I saved it" }).click();
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: description, exact: true }) });
}

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
});

// Acme's requests share one budget with the specs that follow.
test.afterAll(resetAcmeRateLimit);

for (const width of WIDTHS) {
  test(`Add key offers Full access, Read only and Custom, and the list says each in a word (${width} px)`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, "owner@example.com");

    const full = await addKey(page, `full-${width}`, async () => undefined);
    await expect(full.getByText("Access: Full access", { exact: true })).toBeVisible();

    const readOnly = await addKey(page, `read-${width}`, async (dialog) => {
      await dialog.getByText("Permissions: Full access").click();
      await dialog.getByRole("radio", { name: /Read only/ }).check();
      await expect(dialog.getByText("Permissions: Read only")).toBeVisible();
      await expectNoA11yViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`add-key-permissions-${width}.png`) });
    });
    await expect(readOnly.getByText("Access: Read only", { exact: true })).toBeVisible();

    const custom = await addKey(page, `custom-${width}`, async (dialog) => {
      await dialog.getByText("Permissions: Full access").click();
      await dialog.getByRole("radio", { name: /Custom/ }).check();
      await dialog.getByLabel("Tasks", { exact: true }).selectOption("none");
      await dialog.getByRole("button", { name: "Create key" }).click();
      await expect(dialog.getByRole("alert")).toHaveText("Give the key access to at least one resource, or choose Full access.");
      await dialog.getByLabel("Tasks", { exact: true }).selectOption("write");
    });
    await expect(custom.getByText("Access: Custom", { exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`list-access-${width}.png`), fullPage: true });
  });
}

test("the key's page suggests the narrowest permissions from its traffic, and one confirmed click applies them from the next request", async ({
  page,
}, testInfo) => {
  const key = await insertAcmeKey("nightly-report");
  for (let i = 0; i < 3; i++) expect((await call("GET", "/workspaces/current/tasks", key.secret)).status).toBe(200);
  // Counts reach the database within seconds (the usage flush); the section reads them when it loads.
  const owner = await userToken("owner@example.com");
  await expect
    .poll(async () => (await call("GET", `/workspaces/current/api-keys/${key.id}/insights`, owner)).body.requests, { timeout: 20_000 })
    .toBe(3);
  await signIn(page, "owner@example.com", `${API_KEYS_PATH}/${key.id}`);
  const permissions = page.getByRole("region", { name: "Permissions" });
  await expect(permissions.getByText("In the last 30 days this key only read tasks. Restrict it to Read only?")).toBeVisible();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`key-suggestion-${width}.png`), fullPage: true });
    await expectNoA11yViolations(page);
  }

  await permissions.getByRole("button", { name: "Restrict to Read only…" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Restrict “nightly-report” to Read only?" });
  await expectNoA11yViolations(page);
  await confirm.getByRole("button", { name: "Restrict key" }).click();
  await expect(confirm).toBeHidden();
  await expect(permissions.getByText("Read only · Tasks: Read", { exact: true })).toBeVisible();

  const write = await call("POST", "/workspaces/current/tasks", key.secret, { title: "after the restriction" });
  const read = await call("GET", "/workspaces/current/tasks", key.secret);
  expect([write.status, write.body.missingPermission, read.status]).toEqual([403, "tasks:write", 200]);
});

test("a full-access key that served nothing in 30 days is offered for revocation; members see permissions read only", async ({
  page,
  browser,
}) => {
  const key = await insertAcmeKey("forgotten-key");
  await signIn(page, "owner@example.com", `${API_KEYS_PATH}/${key.id}`);
  const permissions = page.getByRole("region", { name: "Permissions" });
  await expect(permissions.getByText("This key has full access and served no requests in the last 30 days.")).toBeVisible();
  await permissions.getByRole("button", { name: "Revoke unused key" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("Revoked", { exact: true }).first()).toBeVisible();

  const other = await insertAcmeKey("members-view");
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, "member@example.com", `${API_KEYS_PATH}/${other.id}`);
  const memberSection = member.getByRole("region", { name: "Permissions" });
  await expect(memberSection.getByText("Full access", { exact: true })).toBeVisible();
  await expect(memberSection.getByText(/Only workspace owners and admins can rename API keys or change their permissions/)).toBeVisible();
  expect({
    save: await memberSection.getByRole("button", { name: "Save permissions" }).count(),
    revoke: await memberSection.getByRole("button", { name: /Revoke/ }).count(),
    expiry: await member.getByRole("button", { name: /expiry/ }).count(),
  }).toEqual({ save: 0, revoke: 0, expiry: 0 });
  await memberContext.close();
});

test("an owner changes a key's permissions and expiry on its page", async ({ page }) => {
  const key = await insertAcmeKey("edited-on-page");
  await signIn(page, "owner@example.com", `${API_KEYS_PATH}/${key.id}`);
  const permissions = page.getByRole("region", { name: "Permissions" });
  await permissions.getByRole("radio", { name: /Read only/ }).check();
  await permissions.getByRole("button", { name: "Save permissions" }).click();
  await expect(permissions.getByText("Read only · Tasks: Read", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Set an expiry" }).click();
  const dialog = page.getByRole("dialog", { name: "Expiry of “edited-on-page”" });
  await dialog.getByLabel("Expires", { exact: true }).selectOption("7");
  await dialog.getByRole("button", { name: "Save expiry" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Change expiry" })).toBeVisible();

  const stored = await call("GET", "/me", key.secret);
  const storedKey = stored.body.key as { permissions: unknown; expiresAt: string };
  const inDays = (Date.parse(storedKey.expiresAt) - Date.now()) / 86_400_000;
  expect({ permissions: storedKey.permissions, aboutAWeek: inDays > 6.9 && inDays < 7.1 }).toEqual({
    permissions: ["tasks:read"],
    aboutAWeek: true,
  });
});
