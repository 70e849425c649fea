// Small screens and zoom: at 390 px (a phone) the navigation collapses and keys become cards;
// at 768 px (a tablet, navigation beside the page) every column and control is on screen; at
// 400 % zoom (320 × 256 CSS pixels) every button of every dialog can be reached; at 200 % a toast
// covers no button of a dialog opened after it. Nothing
// ever needs sideways scrolling, so nobody needs to reach a scrolling box by keyboard.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./helpers/axe";
import { insertAcmeKey, revokeAllAcmeKeys, sql } from "./helpers/db";
import { signIn } from "./helpers/sign-in";
import { chooseKeyAction } from "./helpers/key-actions";

const LONG = "deploy-production-eu-west-1-" + "x".repeat(72); // 100 characters, no spaces

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
  const key = await insertAcmeKey(LONG);
  await sql("UPDATE api_key_secrets SET last_used_at = now() - interval '3 hours' WHERE key_id = $1", [key.id]);
  await insertAcmeKey("ci-staging");
});

/** Neither the document nor any box on it scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth) found.push(`document: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      const style = getComputedStyle(element);
      if (!["auto", "scroll"].includes(style.overflowX)) continue;
      if (element.scrollWidth > element.clientWidth + 1)
        found.push(`${element.tagName}.${element.className}: ${element.scrollWidth} > ${element.clientWidth}`);
    }
    return found;
  });
  expect(overflow).toEqual([]);
}

async function expectInViewport(page: Page, locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = (await locator.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect({
    left: box.x >= 0,
    top: box.y >= 0,
    right: box.x + box.width <= viewport.width,
    bottom: box.y + box.height <= viewport.height,
  }).toEqual({
    left: true,
    top: true,
    right: true,
    bottom: true,
  });
}

test("at 390 px the navigation is one line above the page, keys are cards, and nothing scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "owner@example.com");

  const nav = (await page.getByRole("navigation", { name: "Settings" }).boundingBox())!;
  const heading = (await page.getByRole("heading", { level: 1, name: "API Keys" }).boundingBox())!;
  expect({ oneLine: nav.height < 48, above: nav.y + nav.height <= heading.y, fullWidth: nav.width > 300 }).toEqual({
    oneLine: true,
    above: true,
    fullWidth: true,
  });

  // A card: the times have their labels on screen (the hint and the chart speak for themselves);
  // the column headers are for screen readers only.
  const card = page.getByRole("row", { name: /ci-staging/ });
  for (const label of ["Last used", "Expires"]) await expect(card.getByText(label, { exact: true })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Last used" })).toBeAttached();
  expect((await page.locator("thead").boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  await expectInViewport(page, page.getByRole("button", { name: `Actions for ${LONG}` }));
  await expectNoSidewaysScroll(page);
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Add key" }).click();
  await page.getByRole("textbox", { name: "Description" }).fill("phone-key");
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("dialog", { name: "Copy your new API key" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close, I saved it" }).click();

  await chooseKeyAction(page, LONG, "Revoke…");
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoA11yViolations(page);
});

for (const email of ["owner@example.com", "member@example.com"]) {
  test(`at 768 px every column and control is on screen without scrolling, for ${email.split("@")[0]}`, async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await signIn(page, email);
    const row = page.getByRole("row", { name: new RegExp(LONG) });
    await expect(row).toContainText("3 hours ago");
    await expectInViewport(page, row.getByText("3 hours ago"));
    if (email.startsWith("owner")) await expectInViewport(page, page.getByRole("button", { name: `Actions for ${LONG}` }));
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);
  });
}

test("at 400 % zoom (320 × 256 CSS px) every button of every dialog can be reached", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 256 });
  await signIn(page, "owner@example.com");
  await expectNoSidewaysScroll(page);

  await page.getByRole("button", { name: "Add key" }).click();
  const add = page.getByRole("dialog", { name: "Add API key" });
  await add.getByRole("textbox", { name: "Description" }).fill("x".repeat(101));
  await add.getByRole("button", { name: "Create key" }).click();
  await expect(add.getByRole("alert")).toBeVisible();
  for (const name of ["Cancel", "Create key"]) await expectInViewport(page, add.getByRole("button", { name }));
  await expectNoSidewaysScroll(page);
  await expectNoA11yViolations(page);

  await add.getByRole("textbox", { name: "Description" }).fill("zoomed-key");
  await add.getByRole("button", { name: "Create key" }).click();
  const reveal = page.getByRole("dialog", { name: "Copy your new API key" });
  for (const name of ["Copy API key", "Copy curl command", "Done"]) await expectInViewport(page, reveal.getByRole("button", { name }));
  await expectNoA11yViolations(page);
  await reveal.getByRole("button", { name: "Done" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Have you saved the key?" });
  for (const name of ["Go back", "Close, I saved it"]) await expectInViewport(page, confirm.getByRole("button", { name }));
  await confirm.getByRole("button", { name: "Close, I saved it" }).click();

  await chooseKeyAction(page, LONG, "Revoke…");
  const revoke = page.getByRole("alertdialog");
  for (const name of ["Cancel", "Revoke key"]) await expectInViewport(page, revoke.getByRole("button", { name }));
  await expectNoSidewaysScroll(page);
  await expectNoA11yViolations(page);
});

test("at 200 % zoom (640 × 450 CSS px) a toast never covers the buttons of a dialog opened after it", async ({ page }) => {
  await insertAcmeKey("toast-first");
  await page.setViewportSize({ width: 640, height: 450 });
  await signIn(page, "owner@example.com");
  await chooseKeyAction(page, "toast-first", "Revoke…");
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  const toast = page.getByRole("listitem").filter({ hasText: "Revoked “toast-first”." });
  await expect(toast).toBeVisible();

  // The tallest dialog: at this size it fills the window, its buttons at the bottom.
  await page.getByRole("button", { name: "Add key" }).click();
  const dialog = page.getByRole("dialog", { name: "Add API key" });
  await dialog.getByRole("button", { name: "Create key" }).scrollIntoViewIfNeeded();
  const toastBox = (await toast.boundingBox())!;
  const covered = [];
  for (const name of ["Cancel", "Create key"]) {
    const button = (await dialog.getByRole("button", { name }).boundingBox())!;
    const overlaps =
      toastBox.x < button.x + button.width &&
      button.x < toastBox.x + toastBox.width &&
      toastBox.y < button.y + button.height &&
      button.y < toastBox.y + toastBox.height;
    if (overlaps) covered.push(name);
  }
  expect(covered).toEqual([]);
});
