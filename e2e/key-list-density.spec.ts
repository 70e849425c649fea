// The key list at its fullest (20 keys) is as compact as the peers': one line per key at 1280 px
// with at least 12 keys above the fold, short cards at 390 and 768 px (20 keys in about three
// screens), one ⋯ menu per row that works from the keyboard, and no prefetch of every key's page.
import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./helpers/axe";
import { insertAcmeKey, revokeAllAcmeKeys, sql } from "./helpers/db";
import { signIn } from "./helpers/sign-in";

const NAMES = [
  "deploy-production-eu-west-1",
  "billing-worker-production",
  "ci-staging",
  "analytics-export",
  "nightly-backup",
  "search-indexer",
  "mobile-app-backend",
  "invoice-sync",
  "slack-notifier",
  "data-warehouse-loader",
  "github-actions-ci",
  "terraform-cloud",
  "status-page-checker",
  "support-bot",
  "crm-sync",
  "email-digest-sender",
  "partner-api-acme-corp",
  "reporting-dashboard-readonly",
  "webhook-relay",
  "Production EU billing worker, blue and green",
];

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
  for (const name of NAMES) await insertAcmeKey(name);
  // Some variety: a key used lately, one expiring soon, one read-only.
  await sql(
    `UPDATE api_key_secrets SET last_used_at = now() - interval '2 hours' WHERE key_id IN (SELECT id FROM api_keys WHERE description = 'ci-staging' AND revoked_at IS NULL)`,
  );
  await sql(`UPDATE api_keys SET expires_at = now() + interval '3 days' WHERE description = 'invoice-sync' AND revoked_at IS NULL`);
  await sql(`UPDATE api_keys SET permissions = '["tasks:read"]'::jsonb WHERE description = 'analytics-export' AND revoked_at IS NULL`);
});

test.afterAll(revokeAllAcmeKeys);

/** The rows' boxes, top to bottom, with the page scrolled to the top. */
async function rowBoxes(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const rows = page.locator("tbody").getByRole("row");
  await expect(rows).toHaveCount(NAMES.length);
  return Promise.all((await rows.all()).map(async (row) => (await row.boundingBox())!));
}

test("at 1280 × 800 each key is one line and at least 12 of 20 are above the fold; at 768 and 390 px 20 cards fit in about three screens", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // The sparklines' usage is held back at first: the rows are measured while it loads, then again
  // once it has arrived, and nothing may move in between.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/v1/workspaces/*/api-keys/usage?*", async (route) => {
    await held;
    await route.continue();
  });
  await signIn(page, "owner@example.com");
  await expect(page.getByRole("img", { name: "Loading usage of the last 7 days" }).first()).toBeVisible();
  const wide = await rowBoxes(page);
  expect({
    aboveTheFold: wide.filter((box) => box.y + box.height <= 800).length >= 12,
    oneLineEach: wide.every((box) => box.height <= 40),
  }).toEqual({ aboveTheFold: true, oneLineEach: true });
  release();
  await expect(page.getByRole("img", { name: "Loading usage of the last 7 days" })).toHaveCount(0);
  expect((await rowBoxes(page)).map((box) => Math.round(box.y))).toEqual(wide.map((box) => Math.round(box.y)));
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `/tmp/density-list-1280-${colorScheme}.png` });
    await expectNoA11yViolations(page);
  }
  await page.emulateMedia({ colorScheme: "light" });

  for (const [width, height] of [
    [768, 1024],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    const cards = await rowBoxes(page);
    const listHeight = cards.at(-1)!.y + cards.at(-1)!.height - cards[0]!.y;
    expect(listHeight, `${width} px`).toBeLessThanOrEqual(3.1 * height);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `/tmp/density-list-${width}-${colorScheme}.png`, fullPage: true });
    }
    await page.emulateMedia({ colorScheme: "light" });
    await expectNoA11yViolations(page);
  }
});

test("the ⋯ menu works from the keyboard: Roll, Rename and Revoke, Escape, and focus back on the button", async ({ page }) => {
  await signIn(page, "owner@example.com");
  const menuButton = page.getByRole("button", { name: "Actions for ci-staging" });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem")).toHaveText(["Roll…", "Rename", "Revoke…"]);
  // Focus is in the menu (on the menu itself, or its first item); Home and End reach the ends.
  await page.keyboard.press("Home");
  await expect(page.getByRole("menuitem", { name: "Roll…" })).toBeFocused();
  await page.screenshot({ path: "/tmp/density-menu-1280.png" });
  await expectNoA11yViolations(page);

  // Revoke: the confirmation opens; Escape closes it and focus is back on ⋯, nothing revoked.
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Revoke…" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alertdialog", { name: "Revoke “ci-staging”?" })).toBeVisible();
  await expect(page.getByRole("alertdialog").getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(menuButton).toBeFocused();

  // Roll: the dialog starts on the checked choice; Escape brings focus back.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Home");
  await expect(page.getByRole("menuitem", { name: "Roll…" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Roll “ci-staging”?" }).getByRole("radio", { name: /24 hours/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menuButton).toBeFocused();

  // Rename: the field takes the name's place in the row, one line high, and Escape gives it back.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Rename" })).toBeFocused();
  await page.keyboard.press("Enter");
  const field = page.getByRole("textbox", { name: "Description" });
  await expect(field).toBeFocused();
  const row = page.getByRole("row", { name: /ci-staging/ });
  expect((await row.boundingBox())!.height).toBeLessThanOrEqual(56);
  await page.screenshot({ path: "/tmp/density-rename-1280.png" });
  await page.keyboard.press("Escape");
  await expect(menuButton).toBeFocused();

  const [stored] = await sql<{ revoked: boolean }>(
    "SELECT revoked_at IS NOT NULL AS revoked FROM api_keys WHERE description = 'ci-staging' ORDER BY created_at DESC LIMIT 1",
  );
  expect(stored?.revoked).toBe(false);
});

test("the list does not prefetch every key's page: only the one the pointer comes to", async ({ page }) => {
  await signIn(page, "owner@example.com");
  const keyPages = new Set<string>();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (/^\/settings\/developer\/api-keys\/[^/]+$/.test(url.pathname)) keyPages.add(url.pathname);
  });
  await page.reload();
  await expect(page.locator("tbody").getByRole("row")).toHaveCount(NAMES.length);
  await page.waitForLoadState("networkidle");
  expect([...keyPages]).toEqual([]);

  await page.getByRole("link", { name: "ci-staging" }).hover();
  await expect.poll(() => keyPages.size).toBe(1);
  await page.waitForLoadState("networkidle");
  expect(keyPages.size).toBe(1);
});
