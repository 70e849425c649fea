import { expect, test } from "@playwright/test";
import { API_KEYS_PATH, fillSignInForm, signIn } from "./helpers/sign-in";

test("a signed-out visitor is sent to sign-in and comes back where they were going", async ({ page }) => {
  await page.goto(`${API_KEYS_PATH}?from=bookmark`);
  await fillSignInForm(page, "owner@example.com");
  await page.waitForURL(`**${API_KEYS_PATH}?from=bookmark`);
  await expect(page.getByRole("heading", { level: 1, name: "API Keys" })).toBeVisible();
});

for (const { email, name } of [
  { email: "owner@example.com", name: "Olivia Owner" },
  { email: "admin@example.com", name: "Adam Admin" },
  { email: "member@example.com", name: "Mia Member" },
]) {
  test(`${email} reaches the API keys page of Acme`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByRole("heading", { level: 1, name: "API Keys" })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Acme");
    await expect(page.getByRole("banner")).toContainText(name);
  });
}

test("someone with no workspace sees a page that says so, not an error", async ({ page }) => {
  await signIn(page, "outsider@example.com");
  await expect(page.getByRole("heading", { level: 1, name: "You are not in a workspace yet" })).toBeVisible();
});

test("a wrong password is refused on the sign-in form", async ({ page }) => {
  await page.goto(API_KEYS_PATH);
  await fillSignInForm(page, "owner@example.com", "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
});

for (const width of [390, 768, 1280]) {
  test(`the provider's sign-in card fits ${width} px without scrolling sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(API_KEYS_PATH);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways).toBe(0);
  });
}

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
});
