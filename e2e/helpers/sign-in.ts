import { expect, type Page } from "@playwright/test";

export const API_KEYS_PATH = "/settings/developer/api-keys";

/** Fills the local OpenID provider's sign-in form, as a person would. */
export async function fillSignInForm(page: Page, email: string, password = "password") {
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the real flow (app → provider's form → app) and lands on `path`. */
export async function signIn(page: Page, email: string, path = API_KEYS_PATH) {
  await page.goto(path);
  await fillSignInForm(page, email);
  await page.waitForURL((url) => url.pathname + url.search === path);
}
