// A key reported by GitHub secret scanning: the owner sees the alert on the API keys page (which
// key, where it was found, that it was revoked, what to do), dismisses it for themselves, and an
// admin still sees it.
import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "./env";
import { insertAcmeKey, sql } from "./helpers/db";
import { e2eSigningKey, githubHeaders, githubReport } from "./helpers/github-scanning";
import { signIn } from "./helpers/sign-in";
import { expectNoA11yViolations } from "./helpers/axe";

const reported: string[] = [];
test.afterAll(async () => {
  // The alert shows for 30 days: move these reports out of that window so other tests' pages stay as they were.
  await sql(`UPDATE api_keys SET exposure_reported_at = exposure_reported_at - interval '31 days' WHERE id = ANY($1)`, [reported]);
});

test("a key found by GitHub is revoked, and the API keys page tells the owner until they dismiss it", async ({ page, browser }) => {
  const key = await insertAcmeKey("leaky-deploy-bot");
  reported.push(key.id);
  const url = "https://github.com/acme-corp/deploy-scripts/blob/9f8e7d6/deploy.sh";
  const body = githubReport([key.secret], url);
  const response = await fetch(`${E2E_BASE_URL}/api/v1/secret-scanning/github`, {
    method: "POST",
    headers: githubHeaders(e2eSigningKey(), body),
    body,
  });
  expect(response.status).toBe(200);

  await signIn(page, "owner@example.com");
  const alert = page.getByRole("region", { name: "An API key was found in public and revoked" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("leaky-deploy-bot");
  await expect(alert).toContainText(`one_…${key.secret.slice(-4)}`);
  await expect(alert).toContainText("Reported by GitHub secret scanning");
  await expect(alert).toContainText("the key was revoked automatically");
  await expect(alert).toContainText("Next step: create a replacement key");
  await expect(alert.getByRole("link", { name: new RegExp(url.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) })).toHaveAttribute("href", url);
  // The revoked key is not in the list of keys.
  await expect(page.getByRole("row", { name: /leaky-deploy-bot/ })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await alert.getByRole("button", { name: "Dismiss the alert about leaky-deploy-bot" }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByRole("heading", { name: "API Keys", level: 1 })).toBeFocused();
  await page.reload();
  await expect(page.getByRole("heading", { name: "API Keys", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: /found in public/ })).toHaveCount(0);

  // Dismissed for the owner only: an admin still sees it.
  const admin = await browser.newPage();
  await signIn(admin, "admin@example.com");
  await expect(admin.getByRole("region", { name: "An API key was found in public and revoked" })).toContainText("leaky-deploy-bot");
  await admin.close();
});
