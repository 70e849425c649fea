// Pages that are not there answer HTTP 404 inside the dashboard's shell: an unknown key (or one
// of another workspace) and any path no page serves. The Settings navigation stays, so the
// person is one click from where they meant to go.
import { expect, test } from "@playwright/test";
import { expectNoA11yViolations } from "./helpers/axe";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";

const CASES = [
  { name: "a key id that is not in the workspace", path: `${API_KEYS_PATH}/cm0000000000000000000000000`, heading: "No such key" },
  { name: "a key path that cannot be an id", path: `${API_KEYS_PATH}/not-a-key`, heading: "No such key" },
  { name: "a settings page that does not exist", path: "/settings/nope", heading: "Page not found" },
  { name: "a path outside settings", path: "/reports/2026", heading: "Page not found" },
];

for (const { name, path, heading } of CASES) {
  test(`${name} answers 404 inside the dashboard's shell`, async ({ page }) => {
    await signIn(page, "owner@example.com");
    const response = await page.goto(path);
    const settings = page.getByRole("navigation", { name: "Settings" });
    expect({
      status: response?.status(),
      heading: await page.getByRole("heading", { level: 1 }).textContent(),
      navigation: await settings.getByRole("link", { name: "API keys" }).count(),
    }).toEqual({ status: 404, heading, navigation: 1 });
    await expectNoA11yViolations(page);
  });
}

test("the 404 page leads back to the API keys", async ({ page }) => {
  await signIn(page, "member@example.com");
  await page.goto("/settings/nope");
  await page.getByRole("main").getByRole("link", { name: "Go to API Keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /API keys/i })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(API_KEYS_PATH);
});
