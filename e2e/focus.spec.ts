// Keyboard and focus (issue 21, item 5): the roll dialog starts on the checked choice; an invalid
// submit moves focus to the first invalid field; the workspace switcher's highlighted item stands
// out at 3:1 or more, light and dark; switching workspace on a key's page lands on the new
// workspace's key list; a key's history leaves focus on the first older event it shows. ("Load
// more" on the audit log page is in e2e/audit-log.spec.ts, the usage table's scroll region
// in e2e/times.spec.ts.)
import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./helpers/axe";
import { insertAcmeKey, revokeAllAcmeKeys, sql } from "./helpers/db";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";
import { call, userToken } from "./rest/callers";
import { chooseKeyAction } from "./helpers/key-actions";

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
});

test.afterEach(async () => {
  await sql(`UPDATE users SET selected_workspace_id = NULL WHERE email LIKE '%@example.com'`);
});

test("the roll dialog starts on the checked choice, in the list and on the key's page", async ({ page }) => {
  const key = await insertAcmeKey("focus-roll");
  await signIn(page, "owner@example.com");
  await chooseKeyAction(page, "focus-roll", "Roll…");
  const dialog = page.getByRole("dialog", { name: "Roll “focus-roll”?" });
  await expect(dialog.getByRole("radio", { name: /24 hours/ })).toBeChecked();
  await expect(dialog.getByRole("radio", { name: /24 hours/ })).toBeFocused();
  // Arrow keys move the choice from there.
  await page.keyboard.press("ArrowDown");
  await expect(dialog.getByRole("radio", { name: /7 days/ })).toBeChecked();
  await expectNoA11yViolations(page);
  for (const width of [390, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/times-roll-focus-${width}.png` });
  }
  await page.keyboard.press("Escape");

  await page.goto(`${API_KEYS_PATH}/${key.id}`);
  await page.getByRole("button", { name: "Roll key" }).click();
  await expect(page.getByRole("dialog").getByRole("radio", { name: /24 hours/ })).toBeFocused();
});

test("an invalid submit moves focus to the first invalid field: Add key and rename", async ({ page }) => {
  const key = await insertAcmeKey("focus-rename");
  await signIn(page, "owner@example.com");
  await page.getByRole("button", { name: "Add key" }).click();
  const dialog = page.getByRole("dialog", { name: "Add API key" });
  await dialog.getByRole("combobox", { name: "Expiration" }).selectOption({ label: "A date…" });
  await dialog.getByRole("button", { name: "Create key" }).click();
  // Both fields are wrong: the first one gets focus.
  await expect(dialog.getByLabel("Description")).toBeFocused();
  await expect(dialog.getByLabel("Description")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Expires on")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Description").fill("focus-new");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByLabel("Expires on")).toBeFocused();
  await page.keyboard.press("Escape");

  await page.goto(`${API_KEYS_PATH}/${key.id}`);
  await page.getByRole("button", { name: "Rename key" }).click();
  const input = page.getByRole("textbox", { name: "Description" });
  await input.fill("   ");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(input).toBeFocused();
  await expect(input).toHaveAttribute("aria-invalid", "true");
});

/** The contrast ratio of two CSS colours, as the browser paints them (WCAG relative luminance). */
async function contrast(page: Page, foreground: string, background: string): Promise<number> {
  return page.evaluate(
    ([fg, bg]) => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const context = canvas.getContext("2d")!;
      const rgb = (colour: string) => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = colour;
        context.fillRect(0, 0, 1, 1);
        return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const luminance = (colour: string) => {
        const [r, g, b] = rgb(colour).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const [a, b] = [luminance(fg!), luminance(bg!)].sort((x, y) => y - x);
      return (a! + 0.05) / (b! + 0.05);
    },
    [foreground, background],
  );
}

for (const scheme of ["light", "dark"] as const) {
  test(`the switcher's highlighted item is outlined at 3:1 or more against the menu (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await signIn(page, "owner@example.com");
    const switcher = page.getByRole("button", { name: /^Workspace: / });
    await switcher.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect(menu).toBeVisible();
    const highlighted = menu.locator("[data-highlighted]");
    await expect(highlighted).toHaveCount(1);
    const colours = await highlighted.evaluate((item) => {
      const style = getComputedStyle(item);
      return {
        outline: style.outlineColor,
        outlineStyle: style.outlineStyle,
        menu: getComputedStyle(item.closest('[role="menu"]')!).backgroundColor,
      };
    });
    expect(colours.outlineStyle).toBe("solid");
    expect(await contrast(page, colours.outline, colours.menu)).toBeGreaterThanOrEqual(3);
    await page.keyboard.press("ArrowDown");
    await expect(menu.locator("[data-highlighted]")).toHaveText(/Globex/);
    await page.screenshot({ path: `/tmp/times-switcher-highlight-${scheme}.png` });
    await expectNoA11yViolations(page);
    await page.keyboard.press("Escape");
  });
}

test("switching workspace on a key's page lands on the new workspace's key list", async ({ page }) => {
  const key = await insertAcmeKey("focus-switch");
  await signIn(page, "owner@example.com", `${API_KEYS_PATH}/${key.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "focus-switch" })).toBeVisible();
  const switcher = page.getByRole("button", { name: /^Workspace: / });
  await switcher.click();
  await page.getByRole("menuitemradio", { name: /^Globex/ }).click();
  await expect(page).toHaveURL(new RegExp(`${API_KEYS_PATH}$`));
  await expect(page.getByText("call the REST API for Globex")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "API Keys" })).toBeVisible();
  await expect(switcher).toHaveAccessibleName(/^Workspace: Globex/);
});

test("a key's history: 'Show older events' leaves focus on the first event it added", async ({ page }) => {
  const owner = await userToken("owner@example.com");
  const created = await call("POST", "/workspaces/current/api-keys", owner, { description: "history-0" });
  expect(created.status).toBe(201);
  for (let i = 1; i <= 11; i++) {
    expect((await call("PATCH", `/workspaces/current/api-keys/${created.body.id}`, owner, { description: `history-${i}` })).status).toBe(
      200,
    );
  }
  await signIn(page, "owner@example.com", `${API_KEYS_PATH}/${created.body.id}`);
  const history = page.getByRole("list", { name: "Events about this key, newest first" });
  await expect(history.getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "Show older events" }).click();
  await expect(history.getByRole("listitem")).toHaveCount(12);
  await expect(history.getByRole("listitem").nth(10)).toBeFocused();
  await expect(page.getByRole("button", { name: "Show older events" })).toHaveCount(0);
});
