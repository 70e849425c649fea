import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./env";
import { expectNoA11yViolations } from "./helpers/axe";
import { acmeWorkspaceId, insertAcmeKey, revokeAllAcmeKeys, sql } from "./helpers/db";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";
import { chooseKeyAction } from "./helpers/key-actions";

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
});

test("owner adds a key, copies the secret once, and afterwards only sees its hint", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "owner@example.com");
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();

  await page.getByRole("button", { name: "Add key" }).click();
  const addDialog = page.getByRole("dialog", { name: "Add API key" });
  await addDialog.getByRole("button", { name: "Create key" }).click();
  await expect(addDialog.getByRole("alert")).toHaveText("Enter a description.");
  await addDialog.getByLabel("Description").fill("ci-production");
  await addDialog.getByRole("button", { name: "Create key" }).click();

  const reveal = page.getByRole("dialog", { name: "Copy your new API key" });
  const secret = (await reveal.getByLabel("API key secret").textContent()) ?? "";
  expect(secret).toMatch(/^one_[0-9A-Za-z]{36}$/);
  await reveal.getByRole("button", { name: "Copy API key" }).click();
  await expect(reveal.getByRole("button", { name: "Copy API key" })).toHaveAccessibleDescription("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expect(reveal).toContainText("/api/v1/workspaces/current/tasks");

  // Escape asks first; going back keeps the secret on screen.
  await page.keyboard.press("Escape");
  await page.getByRole("alertdialog", { name: "Have you saved the key?" }).getByRole("button", { name: "Go back" }).click();
  await expect(reveal.getByLabel("API key secret")).toHaveText(secret);
  await reveal.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close, I saved it" }).click();
  await expect(reveal).toBeHidden();

  const row = page.getByRole("row", { name: /ci-production/ });
  await expect(row).toContainText(`one_…${secret.slice(-4)}`);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href);
  expect({ inPage: (await page.content()).includes(secret), stored: stored.includes(secret) }).toEqual({ inPage: false, stored: false });

  await page.reload();
  await expect(page.getByRole("row", { name: /ci-production/ })).toContainText(`one_…${secret.slice(-4)}`);
  expect((await page.content()).includes(secret)).toBe(false);
});

test("admin revokes a key after a confirmation that names it and its last use", async ({ page }) => {
  const key = await insertAcmeKey("ci-staging");
  const used = await fetch(`${E2E_BASE_URL}/api/v1/workspaces/current/tasks`, { headers: { Authorization: `Bearer ${key.secret}` } });
  expect(used.status).toBe(200);
  await signIn(page, "admin@example.com");
  // Cells after the description: key, last used (where from is on the key's page).
  await expect(
    page
      .getByRole("row", { name: /ci-staging/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("just now", { useInnerText: true });
  await chooseKeyAction(page, "ci-staging", "Revoke…");
  const confirm = page.getByRole("alertdialog", { name: "Revoke “ci-staging”?" });
  // The relative time, and the exact one beside it (in the browser's time zone, named).
  await expect(confirm).toContainText(
    /was last used just now · [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M (UTC|[A-Z]{3,4}|GMT[+-]\d+)/,
  );
  await expect(confirm).toContainText("will fail immediately");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("Revoked “ci-staging”")).toBeVisible();
  await expect(page.getByRole("row", { name: /ci-staging/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "API Keys" })).toBeFocused();
  const [row] = await sql<{ revoked: boolean }>("SELECT revoked_at IS NOT NULL AS revoked FROM api_keys WHERE id = $1", [key.id]);
  expect(row?.revoked).toBe(true);
});

test("a member sees the list read-only, with no Add key or Revoke controls", async ({ page }) => {
  await insertAcmeKey("deploy-bot");
  await signIn(page, "member@example.com");
  await expect(page.getByRole("row", { name: /deploy-bot/ })).toContainText("Never");
  await expect(page.getByText("Only workspace owners and admins can add API keys.")).toBeVisible();
  expect({
    add: await page.getByRole("button", { name: "Add key" }).count(),
    revoke: await page.getByRole("button", { name: /Revoke/ }).count(),
  }).toEqual({ add: 0, revoke: 0 });
});

/** The create action's id, learnt the way an attacker could: from an owner's own request. */
async function createActionId(page: Page, description: string): Promise<string> {
  await signIn(page, "owner@example.com");
  await page.getByRole("button", { name: "Add key" }).click();
  await page.getByRole("textbox", { name: "Description" }).fill(description);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    page.getByRole("button", { name: "Create key" }).click(),
  ]);
  return request.headers()["next-action"]!;
}

test("a member calling the create action directly is refused by the server", async ({ page, browser }) => {
  const actionId = await createActionId(page, "owner-key");

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, "member@example.com");
  const response = await member.request.post(API_KEYS_PATH, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: new URL(member.url()).origin },
    data: JSON.stringify([await acmeWorkspaceId(), { description: "sneaky-member-key" }]),
  });
  const body = await response.text();
  const stored = await sql("SELECT 1 FROM api_keys WHERE description = 'sneaky-member-key'");
  expect({ refused: body.includes('"code":"forbidden"'), stored: stored.length }).toEqual({ refused: true, stored: 0 });
  await memberContext.close();
});

test("a server action posted from another origin is refused", async ({ page }) => {
  const actionId = await createActionId(page, "same-origin");
  const response = await page.request.post(API_KEYS_PATH, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: "https://evil.example" },
    data: JSON.stringify([await acmeWorkspaceId(), { description: "cross-site-key" }]),
  });
  const stored = await sql("SELECT 1 FROM api_keys WHERE description = 'cross-site-key'");
  expect({ ok: response.ok(), stored: stored.length }).toEqual({ ok: false, stored: 0 });
});

test("at 20 active keys, Add key is disabled and says why", async ({ page }) => {
  for (let i = 0; i < 20; i++) await insertAcmeKey(`service-${i}`);
  await signIn(page, "owner@example.com");
  await expect(page.getByText("20 of 20 active keys")).toBeVisible();
  const add = page.getByRole("button", { name: "Add key" });
  await expect(add).toBeDisabled();
  await expect(add).toHaveAccessibleDescription(/the most it can have\. Revoke a key/);
});

test("the page sends security headers and is never cached", async ({ page }) => {
  await signIn(page, "owner@example.com");
  const response = await page.request.get(API_KEYS_PATH);
  const headers = response.headers();
  expect({
    csp: headers["content-security-policy"]?.includes("frame-ancestors 'none'"),
    nonce: /script-src 'self' 'nonce-[^']+'/.test(headers["content-security-policy"] ?? ""),
    nosniff: headers["x-content-type-options"],
    referrer: headers["referrer-policy"],
    noStore: headers["cache-control"]?.includes("no-store"),
  }).toEqual({ csp: true, nonce: true, nosniff: "nosniff", referrer: "no-referrer", noStore: true });
});

test("the page and its dialogs pass an accessibility check", async ({ page }) => {
  await insertAcmeKey("a11y-check");
  await signIn(page, "owner@example.com");
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Add key" }).click();
  await expectNoA11yViolations(page);
  await page.getByLabel("Description").fill("a11y-new");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("dialog", { name: "Copy your new API key" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close, I saved it" }).click();

  await chooseKeyAction(page, "a11y-check", "Revoke…");
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await expectNoA11yViolations(page);
});

test("keyboard only: add a key and close the reveal dialog", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await page.getByRole("button", { name: "Add key" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Description")).toBeFocused();
  await page.keyboard.type("keyboard-only");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Copy your new API key" })).toBeVisible();
  await page.keyboard.press("Escape");
  // The confirmation takes focus on its safe choice; Escape there goes back to the secret.
  await expect(page.getByRole("button", { name: "Go back" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(page.getByRole("dialog", { name: "Copy your new API key" })).toBeVisible();
  await page.getByRole("button", { name: "Done" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Close, I saved it" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("row", { name: /keyboard-only/ })).toBeFocused();
});

test("the list's sparklines come from one usage request for the whole page, not one per row", async ({ page }) => {
  for (let i = 0; i < 5; i++) await insertAcmeKey(`sparkline-${i}`);
  const usageRequests: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/api/v1/") && pathname.includes("usage")) usageRequests.push(pathname.replace(/^.*\/api-keys/, "…"));
  });
  await signIn(page, "owner@example.com");
  await expect(page.getByRole("img", { name: "No requests in the last 7 days" })).toHaveCount(5);
  expect(usageRequests).toEqual(["…/usage"]);
});

test("searching by description or hint leaves only matching rows; sorting by last use and expiry reorders them", async ({ page }) => {
  const billing = await insertAcmeKey("billing-sync");
  await insertAcmeKey("ci-production");
  await insertAcmeKey("ci-staging");
  await sql(`UPDATE api_keys SET expires_at = now() + interval '3 days' WHERE description = 'ci-staging' AND revoked_at IS NULL`);
  // Newest first, without ties: billing-sync oldest, ci-staging newest.
  await sql(
    `UPDATE api_keys SET created_at = now() - CASE description WHEN 'billing-sync' THEN interval '3 minutes' WHEN 'ci-production' THEN interval '2 minutes' ELSE interval '1 minute' END
     WHERE revoked_at IS NULL AND description IN ('billing-sync', 'ci-production', 'ci-staging')`,
  );
  await sql(`UPDATE api_key_secrets SET last_used_at = now() WHERE key_id = $1`, [billing.id]);
  await signIn(page, "owner@example.com");
  const names = () => page.getByRole("rowheader").getByRole("link").allTextContents();
  const search = page.getByRole("searchbox", { name: "Search keys" });

  await search.fill("CI-");
  await expect(page.getByText("2 of 3 keys match “CI-”.")).toBeVisible();
  expect(await names()).toEqual(["ci-staging", "ci-production"]);
  await search.fill(billing.secret.slice(-4));
  expect(await names()).toEqual(["billing-sync"]);
  await search.fill("nothing-like-this");
  await page.getByRole("button", { name: "Clear the search" }).click();
  expect(await names()).toEqual(["ci-staging", "ci-production", "billing-sync"]);

  await page.getByLabel("Sort by").selectOption("lastUsed");
  expect((await names())[0]).toBe("billing-sync");
  await page.getByLabel("Sort by").selectOption("expiry");
  expect((await names())[0]).toBe("ci-staging");
  await expectNoA11yViolations(page);
});
