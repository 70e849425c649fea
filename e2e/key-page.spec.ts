// A key's own page: opened from the list, usage that follows real traffic, inline rename, roll
// with both secrets working over REST, read-only for members, 404 for another workspace's key,
// layout at 390 px and accessibility in light and dark.
import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "./env";
import { insertAcmeKey, revokeAllAcmeKeys, sql, workspaceId } from "./helpers/db";
import { insertKey } from "./helpers/keys";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";
import { call, userToken } from "./rest/callers";
import { expectNoA11yViolations } from "./helpers/axe";

const keyPath = (id: string) => `${API_KEYS_PATH}/${id}`;

/** One REST request with a key; returns the status. */
async function requestWithKey(secret: string): Promise<number> {
  const response = await fetch(`${E2E_BASE_URL}/api/v1/workspaces/current/tasks`, {
    headers: { Authorization: `Bearer ${secret}`, "User-Agent": "e2e-key-page/1.0" },
  });
  return response.status;
}

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
});

test("clicking a key in the list opens its page, and its traffic shows in the chart and sparkline within 10 seconds", async ({ page }) => {
  const key = await insertAcmeKey("traffic-bot");
  await signIn(page, "owner@example.com");
  await page.getByRole("link", { name: "traffic-bot" }).click();
  await expect(page).toHaveURL(new RegExp(`${keyPath(key.id)}$`));
  await expect(page.getByRole("heading", { level: 1, name: "traffic-bot" })).toBeVisible();
  await expect(page.getByText("No requests in the last 24 hours")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API Keys" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push(await requestWithKey(key.secret));
  const sent = Date.now();
  // Requests of this workspace's keys share one rate limit with other tests: count every outcome.
  await expect(page.getByTestId("usage-total")).toHaveText("6", { timeout: 10_000 });
  expect(Date.now() - sent).toBeLessThan(10_000);
  const ok = statuses.filter((status) => status === 200).length;
  await expect(page.getByTestId("usage-ok")).toHaveText(String(ok));
  await expect(page.getByTestId("usage-chart")).toBeVisible();
  // The table alternative has the same numbers (it is always there for screen readers).
  const table = page.getByRole("table", { name: /Requests with this key per hour/ });
  await expect(table.getByRole("row").last().getByRole("cell").last()).toHaveText("6");
  await page.getByRole("button", { name: "Show as table" }).click();
  await expect(table).toBeVisible();
  await expect(page.getByTestId("usage-chart")).toHaveCount(0);

  // The range switcher is a radio group, usable with the keyboard.
  await page.getByRole("radio", { name: "24 hours" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "7 days" })).toBeChecked();
  await expect(page.getByText("Requests, last 7 days")).toBeVisible();
  await expect(page.getByTestId("usage-total")).toHaveText("6");
  await expect(page.getByRole("img", { name: /^Last 7 days: 6 requests/ })).toBeVisible();

  // Last used (time, address, user agent) after a reload.
  await page.reload();
  const lastUsed = page.getByRole("definition").filter({ hasText: "e2e-key-page/1.0" });
  await expect(lastUsed).toContainText("just now");
});

test("owner renames a key in place: Escape cancels, Save renames and records it", async ({ page }) => {
  const key = await insertAcmeKey("rename-me");
  await signIn(page, "owner@example.com", keyPath(key.id));
  const rename = page.getByRole("button", { name: "Rename key" });

  await rename.click();
  const field = page.getByRole("textbox", { name: "Description" });
  await expect(field).toBeFocused();
  await field.fill("not-this");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("rename-me");
  await expect(rename).toBeFocused();

  await rename.click();
  await field.fill("");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("form", { name: "Rename key" }).getByRole("alert")).toHaveText("Enter a description.");
  await field.fill("renamed-service");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("renamed-service");
  await expect(rename).toBeFocused();
  const latest = page
    .getByRole("list", { name: /Events about this key/ })
    .getByRole("listitem")
    .first();
  await expect(latest).toContainText("Changed key");
  await expect(latest).toContainText("From “rename-me” to “renamed-service”");
  const [row] = await sql<{ description: string }>("SELECT description FROM api_keys WHERE id = $1", [key.id]);
  expect(row?.description).toBe("renamed-service");
});

test("owner rolls a key on its page: the new secret is shown once, and both secrets work over REST", async ({ page }) => {
  const key = await insertAcmeKey("roll-me");
  await signIn(page, "owner@example.com", keyPath(key.id));
  await page.getByRole("button", { name: "Roll key" }).click();
  const dialog = page.getByRole("dialog", { name: "Roll “roll-me”?" });
  await expect(dialog.getByRole("radio", { name: /24 hours/ })).toBeChecked();
  await expect(dialog).toContainText("idle for 15 minutes");
  await dialog.getByRole("radio", { name: /1 hour/ }).check();
  await dialog.getByRole("button", { name: "Roll key" }).click();

  // The same key with a new secret, not a new key.
  const reveal = page.getByRole("dialog", { name: "Copy the new secret of “roll-me”" });
  await expect(reveal).toContainText("It is the same key, with its id, permissions, networks and history");
  await expect(reveal).toContainText(`The previous secret one_…${key.secret.slice(-4)} keeps working for 1 hour at the latest`);
  const secret = (await reveal.getByLabel("API key secret").textContent()) ?? "";
  expect(secret).toMatch(/^one_[0-9A-Za-z]{36}$/);
  expect(secret).not.toBe(key.secret);
  await reveal.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close, I saved it" }).click();
  await expect(reveal).toBeHidden();
  await expect(page.getByRole("button", { name: "Roll key" })).toBeFocused();

  await expect(page.getByText("Rolling", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Previous secret" })).toContainText(`one_…${key.secret.slice(-4)} still works`);
  await expect(page.locator("code", { hasText: `one_…${secret.slice(-4)}` })).toBeVisible();
  expect({ old: await requestWithKey(key.secret), new: await requestWithKey(secret) }).toEqual({ old: 200, new: 200 });
  expect((await page.content()).includes(secret)).toBe(false);
  await expect(
    page
      .getByRole("list", { name: /Events about this key/ })
      .getByRole("listitem")
      .first(),
  ).toContainText("Rolled key");
});

test("owner revokes a key on its page: it stays readable as Revoked, and its requests count as denied", async ({ page }) => {
  const key = await insertAcmeKey("revoke-me");
  await signIn(page, "owner@example.com", keyPath(key.id));
  await page.getByRole("button", { name: "Revoke revoke-me" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke “revoke-me”?" });
  await expect(confirm).toContainText("has never been used");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("Status: Revoked")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "revoke-me" })).toBeFocused();
  await expect(page.getByText("This key is revoked")).toBeVisible();
  expect({
    rename: await page.getByRole("button", { name: "Rename key" }).count(),
    roll: await page.getByRole("button", { name: "Roll key" }).count(),
    revoke: await page.getByRole("button", { name: /^Revoke/ }).count(),
  }).toEqual({ rename: 0, roll: 0, revoke: 0 });
  expect(await requestWithKey(key.secret)).toBe(401);
  await expect(page.getByTestId("usage-denied")).toHaveText("1", { timeout: 10_000 });
  await expect(
    page
      .getByRole("list", { name: /Events about this key/ })
      .getByRole("listitem")
      .first(),
  ).toContainText("Revoked key");
});

test("a member sees a key's page read-only, with the reasons and the history without addresses", async ({ page }) => {
  const key = await insertAcmeKey("member-view");
  const owner = await userToken("owner@example.com");
  expect((await call("PATCH", `/workspaces/current/api-keys/${key.id}`, owner, { description: "member-view-2" })).status).toBe(200);
  await signIn(page, "member@example.com", keyPath(key.id));
  await expect(page.getByRole("heading", { level: 1, name: "member-view-2" })).toBeVisible();
  await expect(page.getByText("Only workspace owners and admins can roll API keys.")).toBeVisible();
  await expect(page.getByText("Only workspace owners and admins can revoke API keys.")).toBeVisible();
  expect({
    rename: await page.getByRole("button", { name: /Rename/ }).count(),
    roll: await page.getByRole("button", { name: /Roll/ }).count(),
    revoke: await page.getByRole("button", { name: /Revoke/ }).count(),
  }).toEqual({ rename: 0, roll: 0, revoke: 0 });
  const history = page.getByRole("list", { name: /Events about this key/ });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("Changed key");
  await expect(history).toContainText("Olivia Owner");
  await expect(history).not.toContainText("127.0.0.1");
  await expectNoA11yViolations(page);
});

test("another workspace's key, or an unknown id, is the 404 page", async ({ page }) => {
  // Globex: the owner is a member there too, but the page shows Acme.
  const globexKey = await insertKey(sql, await workspaceId("globex"), "globex-ci");
  await signIn(page, "owner@example.com");
  for (const id of [globexKey.id, "cm00000000000000000000000", "not a key"]) {
    // The page streams behind a loading skeleton, so Next.js answers 200 with a noindex not-found page.
    await page.goto(keyPath(encodeURIComponent(id)));
    await expect(page.getByRole("heading", { level: 1, name: "No such key" })).toBeVisible();
    await expect(page.getByText("globex-ci")).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Back to API Keys" }).click();
  await expect(page).toHaveURL(new RegExp(`${API_KEYS_PATH}$`));
});

test("a rolling key's page fits 390 px and passes axe in light and dark, with the roll dialog open", async ({ page }) => {
  const key = await insertAcmeKey("a11y-key-page-with-a-rather-long-description-for-narrow-screens");
  const owner = await userToken("owner@example.com");
  expect((await call("POST", `/workspaces/current/api-keys/${key.id}/roll`, owner, {})).status).toBe(200);
  await requestWithKey(key.secret);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "owner@example.com", keyPath(key.id));
  await expect(page.getByRole("region", { name: "Previous secret" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.setViewportSize({ width: 1280, height: 900 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.getByRole("heading", { name: "Usage" })).toBeVisible();
    await expectNoA11yViolations(page);
  }
  await page.getByRole("button", { name: "Roll key" }).click();
  await expect(page.getByRole("dialog", { name: /^Roll/ })).toBeVisible();
  await expectNoA11yViolations(page);
});
