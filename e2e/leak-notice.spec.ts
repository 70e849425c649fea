// The leak notice tells the truth (issue 21, item 2): a reported *previous* secret says so on the
// key's page and in the list's alert, and that the key still works with its current secret; a
// reported *current* secret revoked the key, and the next step is a replacement, with a button
// that opens Add key. The key's name links to its page, the alert comes after the page's h1, and
// the source reads naturally. At 390, 768 and 1280 px, light and dark, with axe.
import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./env";
import { expectNoA11yViolations } from "./helpers/axe";
import { insertAcmeKey, revokeAllAcmeKeys, sql } from "./helpers/db";
import { e2eSigningKey, githubHeaders, githubReport } from "./helpers/github-scanning";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";
import { call, userToken } from "./rest/callers";

const WIDTHS = [390, 768, 1280] as const;
const TAG = `leak${Date.now().toString(36)}`;
const reported: string[] = [];

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
});

test.afterEach(async () => {
  // The alert shows for 30 days: move these reports out of that window so other tests' pages stay as they were.
  await sql(`UPDATE api_keys SET exposure_reported_at = exposure_reported_at - interval '31 days' WHERE id = ANY($1)`, [
    reported.splice(0),
  ]);
});

async function reportToGithub(secret: string, url: string) {
  const body = githubReport([secret], url);
  const response = await fetch(`${E2E_BASE_URL}/api/v1/secret-scanning/github`, {
    method: "POST",
    headers: githubHeaders(e2eSigningKey(), body),
    body,
  });
  expect(response.status).toBe(200);
}

/** Screenshots at the three widths, light and dark, with axe on each. */
async function lookAtEveryWidth(page: Page, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `/tmp/times-${name}-${width}-${scheme}.png`, fullPage: true });
    }
    await expectNoA11yViolations(page);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Whether `first` comes before `second` in the document. */
const comesBefore = (page: Page, first: string, second: string) =>
  page.evaluate(
    ([a, b]) => {
      const [x, y] = [document.querySelector(a!), document.querySelector(b!)];
      return !!x && !!y && !!(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING);
    },
    [first, second],
  );

test("a reported previous secret: the page and the alert say so, and that the key still works with its current secret", async ({
  page,
}) => {
  const description = `${TAG}-rolled`;
  const key = await insertAcmeKey(description);
  reported.push(key.id);
  const owner = await userToken("owner@example.com");
  const roll = await call("POST", `/workspaces/current/api-keys/${key.id}/roll`, owner, {});
  expect(roll.status).toBe(200);
  const currentHint = `one_…${String(roll.body.secret).slice(-4)}`;
  await reportToGithub(key.secret, "https://github.com/acme-corp/infra/blob/1a2b3c/.env");

  await signIn(page, "owner@example.com", `${API_KEYS_PATH}/${key.id}`);
  const notice = page.getByRole("region", { name: "A previous secret of this key was reported as leaked" });
  await expect(notice).toContainText("Reported by GitHub secret scanning");
  await expect(notice).toContainText(`The key still works with its current secret ${currentHint}.`);
  await expect(notice).toContainText("Next step: if the current secret may have been exposed too, roll the key.");
  await expect(notice.getByRole("button", { name: "Create a replacement key" })).toHaveCount(0);
  await expect(page.getByText("Status: Active")).toBeVisible();
  await lookAtEveryWidth(page, "leak-previous-key-page");

  await page.goto(API_KEYS_PATH);
  const alert = page.getByRole("region", { name: "A previous secret of an API key was found in public" });
  await expect(alert).toContainText("Reported by GitHub secret scanning");
  await expect(alert).toContainText("It was the secret the key had before a roll, and it was retired automatically.");
  await expect(alert).toContainText("The key still works with its current secret.");
  await expect(alert.getByRole("button", { name: /Create a replacement key/ })).toHaveCount(0);
  // After the page's h1, and the key's name links to its page.
  expect(await comesBefore(page, "h1", "#exposure-alert-heading")).toBe(true);
  await expect(alert.getByRole("link", { name: description })).toHaveAttribute("href", `${API_KEYS_PATH}/${key.id}`);
  await lookAtEveryWidth(page, "leak-previous-list");
  await alert.getByRole("link", { name: description }).click();
  await expect(page.getByRole("heading", { level: 1, name: description })).toBeVisible();
});

test("a reported current secret revoked the key: the next step is a replacement, and its button opens Add key", async ({ page }) => {
  const description = `${TAG}-revoked`;
  const key = await insertAcmeKey(description);
  reported.push(key.id);
  const revocation = await fetch(`${E2E_BASE_URL}/api/v1/revocations`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ tokens: [key.secret] }),
  });
  expect(revocation.status).toBe(202);

  // The list: the alert, after the h1, with the button that opens Add key.
  await signIn(page, "owner@example.com");
  const alert = page.getByRole("region", { name: "An API key was found in public and revoked" });
  await expect(alert).toContainText("Reported through the public revocation endpoint");
  await expect(alert).toContainText("It was the key's current secret: the key was revoked automatically");
  await expect(alert).toContainText("Next step: create a replacement key");
  expect(await comesBefore(page, "h1", "#exposure-alert-heading")).toBe(true);
  await expect(alert.getByRole("link", { name: description })).toHaveAttribute("href", `${API_KEYS_PATH}/${key.id}`);
  await lookAtEveryWidth(page, "leak-revoked-list");
  await alert.getByRole("button", { name: `Create a replacement key for ${description}` }).click();
  const addDialog = page.getByRole("dialog", { name: "Add API key" });
  await expect(addDialog).toBeVisible();
  await expect(addDialog.getByLabel("Description")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(addDialog).toBeHidden();

  // The key's page: which secret, what happened, and the replacement made from there.
  await page.goto(`${API_KEYS_PATH}/${key.id}`);
  const notice = page.getByRole("region", { name: "This key's secret was reported as leaked, and the key was revoked" });
  await expect(notice).toContainText("Reported through the public revocation endpoint");
  await expect(notice).toContainText("It was the key's current secret: the key was revoked at once, and requests with it get 401.");
  await expect(notice).toContainText("Next step: create a replacement key");
  // The generic "revoked" notice is not repeated under it.
  await expect(page.getByText("This key is revoked: requests with it fail")).toHaveCount(0);
  await lookAtEveryWidth(page, "leak-revoked-key-page");
  const replace = notice.getByRole("button", { name: "Create a replacement key" });
  await replace.click();
  await expect(addDialog).toBeVisible();
  await addDialog.getByLabel("Description").fill(`${TAG}-replacement`);
  await addDialog.getByRole("button", { name: "Create key" }).click();
  const reveal = page.getByRole("dialog", { name: "Copy your new API key" });
  await expect(reveal).toContainText(`the replacement for “${description}”`);
  await reveal.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close, I saved it" }).click();
  await expect(replace).toBeFocused();
  const stored = await sql<{ description: string }>(
    `SELECT description FROM api_keys WHERE description = $1 AND revoked_at IS NULL AND workspace_id = (SELECT id FROM workspaces WHERE slug = 'acme')`,
    [`${TAG}-replacement`],
  );
  expect(stored).toHaveLength(1);
});

test("a member sees the same truth, and is told whom to ask instead of a button", async ({ page }) => {
  const key = await insertAcmeKey(`${TAG}-member-view`);
  reported.push(key.id);
  await reportToGithub(key.secret, "https://github.com/acme-corp/tools/blob/4d5e6f/ci.yml");
  await signIn(page, "member@example.com", `${API_KEYS_PATH}/${key.id}`);
  const notice = page.getByRole("region", { name: "This key's secret was reported as leaked, and the key was revoked" });
  await expect(notice).toContainText("Reported by GitHub secret scanning");
  await expect(notice).toContainText("Next step: ask a workspace owner or admin to create a replacement key");
  await expect(notice.getByRole("button")).toHaveCount(0);
  await expectNoA11yViolations(page);
});
