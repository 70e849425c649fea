// Signing out ends the session on the server and at the provider: a copy of the session
// cookie taken before sign-out is refused afterwards by the REST API, the dashboard and the
// server actions, and "Sign in again" asks for the password.
import { expect, test, type Cookie } from "@playwright/test";
import { sql } from "./helpers/db";
import { API_KEYS_PATH, fillSignInForm, signIn } from "./helpers/sign-in";

test("a session cookie copied before sign-out is refused afterwards everywhere it was accepted", async ({ page, context, browser }) => {
  await signIn(page, "owner@example.com");
  const copied: Cookie[] = (await context.cookies()).filter((cookie) => cookie.name.includes("session-token"));
  expect(copied.length).toBeGreaterThan(0);

  // The copy works while the session lives: a second browser with it sees the dashboard.
  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const thief = await replay.newPage();
  await thief.goto(API_KEYS_PATH);
  await expect(thief.getByRole("heading", { level: 1, name: "API Keys" })).toBeVisible();
  const before = await replay.request.get("/api/v1/workspaces/current/api-keys");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();

  // The same cookie now: the REST API says 401 …
  const after = await replay.request.get("/api/v1/workspaces/current/api-keys");
  // … a server action from the page that was already open is refused and changes nothing …
  await thief.getByRole("button", { name: "Add key" }).click();
  const dialog = thief.getByRole("dialog", { name: "Add API key" });
  await dialog.getByLabel("Description").fill("after-sign-out");
  await dialog.getByRole("button", { name: "Create key" }).click();
  // The dashboard says this only when the action answered `unauthenticated` (reading the action's
  // response body instead raced with Chromium dropping it).
  await expect(dialog.getByRole("alert")).toContainText("Your session has ended, so the key was not created.");
  const created = await sql("SELECT 1 FROM api_keys WHERE description = 'after-sign-out'");
  // … and the dashboard sends it to sign-in.
  await thief.goto(API_KEYS_PATH);
  await expect(thief.getByRole("heading", { name: "Sign in" })).toBeVisible();

  expect({
    before: before.status(),
    after: after.status(),
    afterBody: await after.json(),
    created: created.length,
  }).toEqual({
    before: 200,
    after: 401,
    afterBody: { code: 401, message: expect.any(String) },
    created: 0,
  });
  await replay.close();
});

test("after signing out, Sign in again asks for the password at the provider", async ({ page }) => {
  await signIn(page, "member@example.com");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in again" }).click();
  await expect(page.getByLabel("Password")).toBeVisible();
  await fillSignInForm(page, "member@example.com");
  await page.waitForURL(`**${API_KEYS_PATH}`);
  await expect(page.getByRole("heading", { level: 1, name: "API Keys" })).toBeVisible();
});

test("signing out removes the session row; each sign-in gets its own", async ({ browser }) => {
  const count = async () =>
    Number(
      (
        await sql<{ n: string }>(
          "SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'admin@example.com'",
        )
      )[0]!.n,
    );
  const start = await count();
  const [first, second] = [await browser.newPage(), await browser.newPage()];
  await signIn(first, "admin@example.com");
  await signIn(second, "admin@example.com");
  const signedIn = await count();
  await first.getByRole("button", { name: "Sign out" }).click();
  await expect(first.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  const afterOne = await count();
  // The other sign-in is untouched.
  await second.reload();
  await expect(second.getByRole("heading", { level: 1, name: "API Keys" })).toBeVisible();
  expect([signedIn - start, afterOne - start]).toEqual([2, 1]);
  await Promise.all([first.context().close(), second.context().close()]);
});
