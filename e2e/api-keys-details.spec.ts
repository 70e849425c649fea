// Focus, the cap, and the details of the page: toast contrast, the Copy button's name,
// times that read the same on the server and in the browser, the skeleton under reduced
// motion, and the description's character counter.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./helpers/axe";
import { insertAcmeKey, revokeAllAcmeKeys, sql } from "./helpers/db";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";
import { chooseKeyAction } from "./helpers/key-actions";

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
});

async function createByKeyboard(page: Page, description: string) {
  await page.getByRole("button", { name: "Add key" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.type(description);
  await page.keyboard.press("Enter");
}

async function closeReveal(page: Page) {
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close, I saved it" }).click();
}

test("after Create key, focus is on Copy inside the secret dialog, then on the new key's row", async ({ page }) => {
  await insertAcmeKey("older-key");
  await signIn(page, "owner@example.com");
  await createByKeyboard(page, "focus-check");

  const reveal = page.getByRole("dialog", { name: "Copy your new API key" });
  await expect(reveal.getByRole("button", { name: "Copy API key" })).toBeFocused();
  // Enter stays inside the secret dialog: it never opens a second Add dialog behind it.
  await page.waitForTimeout(300);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Add API key" })).toHaveCount(0);
  await expect(reveal).toBeVisible();
  await expectNoA11yViolations(page);

  await closeReveal(page);
  await expect(page.getByRole("row", { name: /focus-check/ })).toBeFocused();
});

test("the 20th key: focus goes to its row, and Add key stays in place, focusable, saying why it cannot be used", async ({ page }) => {
  for (let i = 0; i < 19; i++) await insertAcmeKey(`service-${i}`);
  await signIn(page, "owner@example.com");
  const add = page.getByRole("button", { name: "Add key" });
  const before = await add.boundingBox();
  await createByKeyboard(page, "the-twentieth");
  await expect(page.getByRole("dialog", { name: "Copy your new API key" }).getByRole("button", { name: "Copy API key" })).toBeFocused();
  await closeReveal(page);

  await expect(page.getByRole("row", { name: /the-twentieth/ })).toBeFocused();
  await expect(page.getByText("20 of 20 active keys")).toBeVisible();
  expect(await add.boundingBox()).toEqual(before);

  // Reachable with Tab from the page heading, announced as unavailable with the reason.
  await page.getByRole("heading", { level: 1, name: "API Keys" }).focus();
  await page.keyboard.press("Tab");
  await expect(add).toBeFocused();
  await expect(add).toHaveAttribute("aria-disabled", "true");
  await expect(add).toHaveAccessibleDescription(
    "This workspace has 20 active keys, the most it can have. Revoke a key you no longer use to add another.",
  );
  await page.keyboard.press("Enter");
  await add.click({ force: true });
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expectNoA11yViolations(page);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the success toast is readable (contrast at least 4.5:1), ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await insertAcmeKey("toast-check");
    await signIn(page, "owner@example.com");
    await chooseKeyAction(page, "toast-check", "Revoke…");
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
    const toast = page.getByText("Revoked “toast-check”");
    await expect(toast).toBeVisible();
    await page.waitForTimeout(500); // let the toast finish sliding in
    await expectNoA11yViolations(page);
  });
}

test("each Copy button's accessible name contains its visible text, before and after copying", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "owner@example.com");
  await createByKeyboard(page, "copy-name");
  const reveal = page.getByRole("dialog", { name: "Copy your new API key" });
  const copyButtons = reveal.getByRole("button", { name: /^Copy/ });
  await expect(copyButtons).toHaveCount(2);

  async function expectNamesContainText() {
    for (const button of await copyButtons.all()) {
      // The text a sighted person sees: text nodes in boxes bigger than a pixel.
      const visible = await button.evaluate((element) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let text = "";
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const box = node.parentElement!.getBoundingClientRect();
          if (box.width > 1 && box.height > 1) text += node.textContent;
        }
        return text.replace(/\s+/g, " ").trim();
      });
      expect(visible).toBe("Copy");
      await expect(button).toHaveAccessibleName(new RegExp(`^${visible}\\b`));
    }
  }
  await expectNamesContainText();
  await reveal.getByRole("button", { name: "Copy API key" }).click();
  await expect(reveal.getByRole("status").first()).toHaveText("Copied to the clipboard.");
  await expectNamesContainText();
  await expectNoA11yViolations(page);
});

test("times read the same in the server's HTML and in the browser, whatever the browser's time zone and language", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "Pacific/Kiritimati", locale: "de-DE" });
  const page = await context.newPage();
  const key = await insertAcmeKey("time-check");
  await sql("UPDATE api_keys SET created_at = now() - interval '2 days' WHERE id = $1", [key.id]);
  await sql("UPDATE api_key_secrets SET last_used_at = now() - interval '3 hours' WHERE key_id = $1", [key.id]);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|#418|#423|#425/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));

  await signIn(page, "owner@example.com");
  const html = await (await page.request.get(API_KEYS_PATH)).text();
  const fromServer = [...html.matchAll(/<time[^>]*>([\s\S]*?)<\/time>/g)].map((match) => match[1]!.replace(/<!--.*?-->|<[^>]+>/g, ""));
  // Last used, then Created.
  expect(fromServer).toEqual(["3 hours ago", "2 days ago"]);

  await page.reload();
  await expect(page.getByRole("row", { name: /time-check/ }).locator("time")).toHaveText(["3 hours ago", "2 days ago"]);
  expect(problems).toEqual([]);
  await context.close();
});

test("the loading skeleton does not pulse when the person asks for reduced motion", async ({ page }) => {
  await signIn(page, "owner@example.com");
  // The skeleton's element (loading.tsx), placed in the page with the app's CSS. (The server
  // streams it only while the page's data is slower than the layout's, so it is taken from the
  // source rather than from a response.)
  const source = readFileSync("app/(dashboard)/settings/developer/api-keys/(list)/loading.tsx", "utf8");
  const className = /aria-label="Loading API keys" className="([^"]+)"/.exec(source)?.[1];
  expect(className).toBeTruthy();
  const skeleton = `<div role="status" aria-label="Loading API keys" class="${className}">`;
  const animationName = () =>
    page.evaluate((markup) => {
      const holder = document.createElement("div");
      holder.innerHTML = markup + "</div>";
      document.body.append(holder);
      const name = getComputedStyle(holder.firstElementChild!).animationName;
      holder.remove();
      return name;
    }, skeleton!);
  await page.emulateMedia({ reducedMotion: "no-preference" });
  expect(await animationName()).toBe("pulse");
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await animationName()).toBe("none");
});

test("the description counts characters the way the server does, and says when there are too many", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await page.getByRole("button", { name: "Add key" }).click();
  const dialog = page.getByRole("dialog", { name: "Add API key" });
  const input = dialog.getByRole("textbox", { name: "Description" });
  await expect(input).toHaveAccessibleDescription(/0 of 100 characters/);
  // An emoji and an accent typed as two code points each count once (UTF-16 would say 2 and 2).
  await input.fill("🔑 cafe\u0301");
  await expect(input).toHaveAccessibleDescription(/6 of 100 characters/);
  await expect(dialog.getByText("6/100")).toBeVisible();

  await input.fill("x".repeat(101));
  await expect(input).toHaveValue("x".repeat(101)); // not cut off silently
  await expect(input).toHaveAccessibleDescription(/1 character too many, 101 of 100 characters/);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Keep the description to 100 characters or fewer.");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page);
});
