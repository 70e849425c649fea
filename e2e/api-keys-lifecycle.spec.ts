// The key list tells a key's story and lets owners and admins roll and rename from it: expiry
// chosen in the Add key dialog and marked when near, a roll from the list with both secrets
// working over REST and then the old one refused after an immediate roll, inline rename, expired
// keys listed but not counted, members read-only, axe and 390 px with all of these states.
import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./env";
import { expectNoA11yViolations } from "./helpers/axe";
import { insertAcmeKey, revokeAllAcmeKeys, sql } from "./helpers/db";
import { signIn } from "./helpers/sign-in";
import { call, userToken } from "./rest/callers";
import { chooseKeyAction } from "./helpers/key-actions";

async function requestWithKey(secret: string): Promise<number> {
  const response = await fetch(`${E2E_BASE_URL}/api/v1/workspaces/current/tasks`, { headers: { Authorization: `Bearer ${secret}` } });
  return response.status;
}

const row = (page: Page, name: string) => page.getByRole("row", { name: new RegExp(name) });

/** Reads the secret from the reveal dialog, then closes it through its confirmation. */
/** The secret the reveal dialog named `dialogName` shows, and what it said. */
async function takeSecret(page: Page, dialogName: string): Promise<{ secret: string; note: string }> {
  const reveal = page.getByRole("dialog", { name: dialogName });
  const secret = (await reveal.getByLabel("API key secret").textContent()) ?? "";
  expect(secret).toMatch(/^one_[0-9A-Za-z]{36}$/);
  const note = (await reveal.textContent()) ?? "";
  await reveal.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close, I saved it" }).click();
  await expect(reveal).toBeHidden();
  return { secret, note };
}

/** A key with a running roll (and one use of its previous secret), an expired key, one expiring in 3 days. */
async function seedStates() {
  const rolling = await insertAcmeKey("rolling-service");
  const owner = await userToken("owner@example.com");
  expect((await call("POST", `/workspaces/current/api-keys/${rolling.id}/roll`, owner, {})).status).toBe(200);
  expect(await requestWithKey(rolling.secret)).toBe(200);
  const expired = await insertAcmeKey("expired-batch-job");
  await sql("UPDATE api_keys SET expires_at = now() - interval '2 days' WHERE id = $1", [expired.id]);
  const soon = await insertAcmeKey("nightly-export");
  await sql("UPDATE api_keys SET expires_at = now() + interval '3 days' + interval '1 hour' WHERE id = $1", [soon.id]);
  return { rolling, expired, soon };
}

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
});

test("a key created with a 7-day expiry shows when it expires and is marked as expiring soon", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await page.getByRole("button", { name: "Add key" }).click();
  await page.getByRole("textbox", { name: "Description" }).fill("weekly-report");
  await expect(page.getByRole("combobox", { name: "Expiration" })).toHaveValue("never");

  // A day out of bounds is refused in the browser, with the reason on the field.
  await page.getByRole("combobox", { name: "Expiration" }).selectOption({ label: "A date…" });
  await page.getByLabel("Expires on").fill("2099-01-01");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "at most 366 days" })).toBeVisible();
  await expect(page.getByLabel("Expires on")).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("combobox", { name: "Expiration" }).selectOption({ label: "7 days" });
  await page.getByRole("button", { name: "Create key" }).click();
  await takeSecret(page, "Copy your new API key");

  const created = row(page, "weekly-report");
  await expect(created).toContainText("Expires in 7 days");
  const expires = created.getByRole("cell").nth(2);
  await expect(expires).toContainText(/next week|in [67] days/);
  // The exact time in the browser's time zone, named (lib/ui/time.ts), is the tooltip.
  await expect(expires.locator("time")).toHaveAttribute(
    "title",
    /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M (UTC|[A-Z]{3,4}|GMT[+-]\d+) \(/,
  );
  const [stored] = await sql<{ days: number }>(
    "SELECT extract(epoch FROM expires_at - now()) / 86400 AS days FROM api_keys WHERE description = 'weekly-report' AND revoked_at IS NULL",
  );
  expect(Number(stored?.days)).toBeGreaterThan(6.99);
  expect(Number(stored?.days)).toBeLessThanOrEqual(7);
  // A key without expiry says so.
  await insertAcmeKey("forever-key");
  await page.reload();
  await expect(row(page, "forever-key").getByRole("cell").nth(2)).toHaveText(/Never/);
  await expect(row(page, "forever-key")).not.toContainText("Expires in");
});

test("owner rolls a key from the list's menu: both secrets work, the row shows the previous one, an immediate roll retires it", async ({
  page,
}) => {
  const key = await insertAcmeKey("roll-from-list");
  await signIn(page, "owner@example.com");
  await chooseKeyAction(page, "roll-from-list", "Roll…");
  const dialog = page.getByRole("dialog", { name: "Roll “roll-from-list”?" });
  await dialog.getByRole("radio", { name: /1 hour/ }).check();
  await dialog.getByRole("button", { name: "Roll key" }).click();
  const first = await takeSecret(page, "Copy the new secret of “roll-from-list”");
  expect(first.note).toContain(`The previous secret one_…${key.secret.slice(-4)} keeps working for 1 hour at the latest`);
  await expect(page.getByRole("button", { name: "Actions for roll-from-list" })).toBeFocused();

  expect({ old: await requestWithKey(key.secret), new: await requestWithKey(first.secret) }).toEqual({ old: 200, new: 200 });
  await page.reload();
  const rolling = row(page, "roll-from-list");
  await expect(rolling.getByText("Rolling", { exact: true })).toBeVisible();
  await expect(rolling).toContainText(`one_…${first.secret.slice(-4)}`);
  await expect(rolling).toContainText(`Previous one_…${key.secret.slice(-4)}, last used just now`);
  expect((await page.content()).includes(first.secret)).toBe(false);

  await chooseKeyAction(page, "roll-from-list", "Roll…");
  await expect(dialog).toContainText(`its previous secret (one_…${key.secret.slice(-4)}) stops working as soon as you roll again`);
  await dialog.getByRole("radio", { name: /Immediately/ }).check();
  await dialog.getByRole("button", { name: "Roll key" }).click();
  const second = await takeSecret(page, "Copy the new secret of “roll-from-list”");
  expect(second.note).toContain(`The previous secret one_…${first.secret.slice(-4)} stopped working when you rolled.`);
  expect({
    original: await requestWithKey(key.secret),
    first: await requestWithKey(first.secret),
    second: await requestWithKey(second.secret),
  }).toEqual({ original: 401, first: 401, second: 200 });
  await expect(rolling.getByText("Rolling", { exact: true })).toHaveCount(0);
  await expect(rolling).not.toContainText("Previous");
});

test("owner renames a key inline in the list from its menu; Escape cancels; focus comes back to the menu", async ({ page }) => {
  const key = await insertAcmeKey("old-name");
  await signIn(page, "owner@example.com");
  await chooseKeyAction(page, "old-name", "Rename");
  const field = page.getByRole("textbox", { name: "Description" });
  await expect(field).toBeFocused();
  await field.fill("discarded");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("link", { name: "old-name" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Actions for old-name" })).toBeFocused();

  await chooseKeyAction(page, "old-name", "Rename");
  await field.fill("new-name");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("link", { name: "new-name" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Actions for new-name" })).toBeFocused();
  const [stored] = await sql<{ description: string }>("SELECT description FROM api_keys WHERE id = $1", [key.id]);
  expect(stored?.description).toBe("new-name");
});

test("an expired key is listed as Expired and does not count toward the cap", async ({ page }) => {
  const { expired } = await seedStates();
  await signIn(page, "owner@example.com");
  await expect(page.getByText(/^2 of 20 active keys/)).toBeVisible();
  await expect(page.getByText("(1 expired, listed until revoked)")).toBeVisible();
  const expiredRow = row(page, "expired-batch-job");
  await expect(expiredRow.getByText("Status: Expired")).toBeVisible();
  await expect(expiredRow.getByRole("cell").nth(2)).toContainText("2 days ago");
  // An expired key cannot be rolled, only renamed or revoked.
  await page.getByRole("button", { name: "Actions for expired-batch-job" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Rename", "Revoke…"]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Actions for expired-batch-job" })).toBeFocused();
  expect(await requestWithKey(expired.secret)).toBe(401);
  await expect(row(page, "nightly-export")).toContainText("Expires in 3 days");
  await expect(row(page, "rolling-service").getByText("Status: Active")).toBeVisible();
});

test("a member sees the badges and details but no actions menu", async ({ page }) => {
  await seedStates();
  await signIn(page, "member@example.com");
  const rolling = row(page, "rolling-service");
  await expect(rolling.getByText("Rolling", { exact: true })).toBeVisible();
  await expect(rolling).toContainText("Previous one_…");
  await expect(row(page, "expired-batch-job").getByText("Status: Expired")).toBeVisible();
  await expect(row(page, "nightly-export")).toContainText("Expires in 3 days");
  await expect(page.getByRole("img", { name: /Last 7 days|No requests in the last 7 days/ }).first()).toBeVisible();
  expect({
    roll: await page.getByRole("button", { name: /^Roll/ }).count(),
    rename: await page.getByRole("button", { name: /^Rename/ }).count(),
    revoke: await page.getByRole("button", { name: /^Revoke/ }).count(),
    menus: await page.getByRole("button", { name: /^Actions for/ }).count(),
  }).toEqual({ roll: 0, rename: 0, revoke: 0, menus: 0 });
  await expectNoA11yViolations(page);
});

test("the list with every state passes axe in light and dark and fits 390, 768 and 1280 px", async ({ page }) => {
  const { rolling } = await seedStates();
  await insertAcmeKey("deploy-production-eu-west-1-with-a-long-description");
  // The rolling key's one request reaches the usage table within a flush (5 s) before the page loads.
  const owner = await userToken("owner@example.com");
  for (let i = 0; i < 40; i++) {
    const usage = await call("GET", `/workspaces/current/api-keys/${rolling.id}/usage?range=7d`, owner);
    if ((usage.body.totals as { ok: number }).ok === 1) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await signIn(page, "owner@example.com");
  await expect(page.getByRole("img", { name: /^Last 7 days: 1 requests/ })).toBeVisible({ timeout: 15_000 });
  for (const width of [390, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(row(page, "rolling-service").getByText("Rolling", { exact: true })).toBeVisible();
      const overflow = await page.evaluate(() => {
        const found: string[] = [];
        const root = document.scrollingElement!;
        if (root.scrollWidth > root.clientWidth) found.push(`document: ${root.scrollWidth} > ${root.clientWidth}`);
        // The wide table must fit its box too (the box hides overflow, so it would be cut off).
        for (const table of document.querySelectorAll("table")) {
          const box = table.parentElement!;
          if (table.scrollWidth > box.clientWidth + 1) found.push(`table: ${table.scrollWidth} > ${box.clientWidth}`);
        }
        return found;
      });
      expect(overflow, `${width} px ${colorScheme}`).toEqual([]);
      await page.screenshot({ path: `/tmp/listui-list-${width}-${colorScheme}.png`, fullPage: true });
      if (width !== 768) await expectNoA11yViolations(page);
    }
  }
  // 200 % zoom on a 1280 px window is a 640 px wide page.
  await page.setViewportSize({ width: 640, height: 450 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
  await page.screenshot({ path: "/tmp/listui-list-zoom200.png", fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await chooseKeyAction(page, "rolling-service", "Roll…");
  await expect(page.getByRole("dialog", { name: /^Roll/ })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Add key" }).click();
  await page.getByRole("combobox", { name: "Expiration" }).selectOption({ label: "A date…" });
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose the day the key expires" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "/tmp/listui-add-390.png" });
  await expectNoA11yViolations(page);
});
