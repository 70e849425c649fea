// Failures during Create key and Revoke: the server out of reach (the browser offline), an
// answer lost after the server acted (the request goes through, the response is cut), an
// ended session (cookies cleared), and a list gone stale (another tab took the last place).
// Every time the dialog stays, keeps what was typed, says in plain words what happened and
// whether anything changed, and never shows the browser's raw "Failed to fetch".
import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./helpers/axe";
import { acmeWorkspaceId, insertAcmeKey, revokeAllAcmeKeys, sql } from "./helpers/db";
import { API_KEYS_PATH, fillSignInForm, signIn } from "./helpers/sign-in";
import { chooseKeyAction } from "./helpers/key-actions";

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
});

const isAction = (method: string, headers: Record<string, string>) => method === "POST" && !!headers["next-action"];

async function keysNamed(description: string) {
  return sql<{ revoked: boolean }>("SELECT revoked_at IS NOT NULL AS revoked FROM api_keys WHERE description = $1", [description]);
}

async function openAddDialog(page: Page, description: string) {
  await page.getByRole("button", { name: "Add key" }).click();
  const dialog = page.getByRole("dialog", { name: "Add API key" });
  await dialog.getByRole("textbox", { name: "Description" }).fill(description);
  return dialog;
}

async function expectNoRawErrors(page: Page) {
  await expect(page.getByText(/Failed to fetch|couldn.t load|Application error/i)).toHaveCount(0);
}

test("Create key with the server out of reach keeps the dialog and the description, and works once it is back", async ({
  page,
  context,
}) => {
  await signIn(page, "owner@example.com");
  const dialog = await openAddDialog(page, "offline-create");
  await context.setOffline(true);
  await dialog.getByRole("button", { name: "Create key" }).click();

  await expect(dialog.getByRole("alert")).toContainText("The server cannot be reached. Check your connection and try again");
  await expect(dialog.getByRole("textbox", { name: "Description" })).toHaveValue("offline-create");
  await expectNoRawErrors(page);
  await expectNoA11yViolations(page);

  await context.setOffline(false);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("dialog", { name: "Copy your new API key" })).toBeVisible();
  expect(await keysNamed("offline-create")).toEqual([{ revoked: false }]);
});

test("Create key whose answer is lost after the server created it says so and shows the key to revoke", async ({ page }) => {
  await signIn(page, "owner@example.com");
  // The request reaches the server; the browser never gets the answer.
  await page.route(API_KEYS_PATH, async (route) => {
    if (!isAction(route.request().method(), route.request().headers())) return route.fallback();
    await route.fetch();
    await route.abort("connectionreset");
  });
  const dialog = await openAddDialog(page, "answer-lost");
  await dialog.getByRole("button", { name: "Create key" }).click();

  await expect(dialog.getByRole("alert")).toContainText(
    "The key “answer-lost” was created, but the connection dropped before its secret arrived, so the secret cannot be shown. Revoke that key in the list",
  );
  await expect(page.getByRole("row", { name: /answer-lost/ })).toBeVisible();
  await expectNoRawErrors(page);
  expect(await keysNamed("answer-lost")).toEqual([{ revoked: false }]);
});

test("Revoke with the server out of reach says it is not known whether it happened; Try again revokes it", async ({ page, context }) => {
  await insertAcmeKey("offline-revoke");
  await signIn(page, "owner@example.com");
  await chooseKeyAction(page, "offline-revoke", "Revoke…");
  const confirm = page.getByRole("alertdialog", { name: "Revoke “offline-revoke”?" });
  await context.setOffline(true);
  await confirm.getByRole("button", { name: "Revoke key" }).click();

  await expect(confirm.getByRole("alert")).toHaveText(
    "The server did not answer, so it is not known whether “offline-revoke” was revoked. Check your connection, then try again: revoking it a second time is safe.",
  );
  await expectNoRawErrors(page);
  await expectNoA11yViolations(page);
  expect(await keysNamed("offline-revoke")).toEqual([{ revoked: false }]);

  await context.setOffline(false);
  await confirm.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByText("Revoked “offline-revoke”")).toBeVisible();
  await expect(page.getByRole("row", { name: /offline-revoke/ })).toHaveCount(0);
  expect(await keysNamed("offline-revoke")).toEqual([{ revoked: true }]);
});

test("Revoke whose request is lost reads the key again and says it still works", async ({ page }) => {
  await insertAcmeKey("request-lost");
  await signIn(page, "owner@example.com");
  await page.route(API_KEYS_PATH, (route) =>
    isAction(route.request().method(), route.request().headers()) ? route.abort("connectionreset") : route.fallback(),
  );
  await chooseKeyAction(page, "request-lost", "Revoke…");
  const confirm = page.getByRole("alertdialog");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm.getByRole("alert")).toHaveText(
    "The connection to the server dropped, and “request-lost” was not revoked: it still works. Check your connection and try again.",
  );
  expect(await keysNamed("request-lost")).toEqual([{ revoked: false }]);
});

test("Revoke whose answer is lost after the server revoked it reads the key again and reports it revoked", async ({ page }) => {
  await insertAcmeKey("revoke-answer-lost");
  await signIn(page, "owner@example.com");
  await page.route(API_KEYS_PATH, async (route) => {
    if (!isAction(route.request().method(), route.request().headers())) return route.fallback();
    await route.fetch();
    await route.abort("connectionreset");
  });
  await chooseKeyAction(page, "revoke-answer-lost", "Revoke…");
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("Revoked “revoke-answer-lost”")).toBeVisible();
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(page.getByRole("row", { name: /revoke-answer-lost/ })).toHaveCount(0);
  expect(await keysNamed("revoke-answer-lost")).toEqual([{ revoked: true }]);
});

test("after the session ended, Create key and Revoke say nothing changed and offer to sign in again in a new tab", async ({
  page,
  context,
}) => {
  await insertAcmeKey("session-revoke");
  await signIn(page, "owner@example.com");
  await context.clearCookies();

  await chooseKeyAction(page, "session-revoke", "Revoke…");
  const confirm = page.getByRole("alertdialog");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm.getByRole("alert")).toContainText("Your session has ended, so “session-revoke” was not revoked.");
  await expect(confirm.getByRole("link", { name: "Sign in again (opens in a new tab)" })).toBeVisible();
  await expectNoA11yViolations(page);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  expect(await keysNamed("session-revoke")).toEqual([{ revoked: false }]);

  const dialog = await openAddDialog(page, "after-sign-in");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Your session has ended, so the key was not created.");
  await expectNoRawErrors(page);
  await expectNoA11yViolations(page);
  expect(await keysNamed("after-sign-in")).toEqual([]);

  // Signing in happens in a new tab; this one keeps the dialog and what was typed.
  const [popup] = await Promise.all([page.waitForEvent("popup"), dialog.getByRole("link", { name: /Sign in again/ }).click()]);
  await fillSignInForm(popup, "owner@example.com");
  await popup.waitForURL((url) => url.pathname === API_KEYS_PATH);
  await popup.close();

  await expect(dialog.getByRole("textbox", { name: "Description" })).toHaveValue("after-sign-in");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("dialog", { name: "Copy your new API key" })).toBeVisible();
  expect(await keysNamed("after-sign-in")).toEqual([{ revoked: false }]);
});

test("a cap reached in another tab: the refusal says so, the list refreshes and Add key says why", async ({ page }) => {
  for (let i = 0; i < 19; i++) await insertAcmeKey(`service-${i}`);
  await signIn(page, "owner@example.com");
  await expect(page.getByText("19 of 20 active keys")).toBeVisible();
  const add = page.getByRole("button", { name: "Add key" });
  const before = await add.boundingBox();

  await insertAcmeKey("taken-elsewhere"); // another tab takes the 20th place
  const dialog = await openAddDialog(page, "one-too-many");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("alert")).toContainText("already has 20 active API keys");
  await expect(dialog.getByRole("textbox", { name: "Description" })).toHaveValue("one-too-many");
  await expect(page.getByText("20 of 20 active keys")).toBeVisible();
  await expectNoA11yViolations(page);

  await page.keyboard.press("Escape");
  await expect(page.getByRole("row", { name: /taken-elsewhere/ })).toBeVisible();
  await expect(add).toBeFocused();
  await expect(add).toHaveAttribute("aria-disabled", "true");
  await expect(add).toHaveAccessibleDescription(/the most it can have\. Revoke a key/);
  expect(await add.boundingBox()).toEqual(before);
  expect(await keysNamed("one-too-many")).toEqual([]);
});

test("the list is read through the REST API for the rendered workspace; a failed refresh says so in plain words", async ({ page }) => {
  const acme = await acmeWorkspaceId();
  await insertAcmeKey("to-revoke");
  await signIn(page, "owner@example.com");
  const calls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/")) calls.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  // The connection drops right after the revoke: the list cannot be read again.
  const listPath = `/api/v1/workspaces/${acme}/api-keys`;
  await page.route(`**${listPath}`, (route) => route.abort("connectionreset"));
  await chooseKeyAction(page, "to-revoke", "Revoke…");
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  const banner = page.getByRole("alert").filter({ hasText: "Could not refresh the list" });
  await expect(banner).toHaveText(
    /Could not refresh the list: The server cannot be reached\. Check your connection\. The keys below may be out of date\./,
  );
  await expectNoRawErrors(page);
  await expectNoA11yViolations(page);

  await page.unroute(`**${listPath}`);
  await banner.getByRole("button", { name: "Retry" }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole("row", { name: /to-revoke/ })).toHaveCount(0);
  expect(calls.length).toBeGreaterThan(0);
  // Besides the list: only the rows' usage sparklines (GET …/api-keys/{id}/usage of the same workspace).
  expect(calls.filter((call) => call !== `GET ${listPath}` && !(call.startsWith(`GET ${listPath}/`) && call.endsWith("/usage")))).toEqual(
    [],
  );
});

test("a tab opened before a workspace switch keeps acting on the workspace it shows, and actions never use another", async ({ page }) => {
  const acme = await acmeWorkspaceId();
  await insertAcmeKey("acme-key");
  await signIn(page, "owner@example.com");
  // Meanwhile the owner selects another workspace (as the switcher does, in another tab), and
  // they are a mere member of a third.
  const suffix = Date.now().toString(36);
  const [initech] = await sql<{ id: string }>("INSERT INTO workspaces (id, name, slug) VALUES ($1, 'Initech', $1) RETURNING id", [
    `initech-${suffix}`,
  ]);
  const [hooli] = await sql<{ id: string }>("INSERT INTO workspaces (id, name, slug) VALUES ($1, 'Hooli', $1) RETURNING id", [
    `hooli-${suffix}`,
  ]);
  const addMember = (workspaceId: string, role: string) =>
    sql(
      `INSERT INTO memberships (id, workspace_id, user_id, role, created_at)
       SELECT $1 || '-' || $2, $1, id, $2::"Role", '2000-01-01' FROM users WHERE email = 'owner@example.com'`,
      [workspaceId, role],
    );
  try {
    await addMember(initech!.id, "OWNER");
    await addMember(hooli!.id, "MEMBER");
    await sql("UPDATE users SET selected_workspace_id = $1 WHERE email = 'owner@example.com'", [initech!.id]);
    const calls: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/v1/")) calls.push(new URL(request.url()).pathname);
    });

    const dialog = await openAddDialog(page, "pinned-create");
    const [request] = await Promise.all([
      page.waitForRequest((r) => isAction(r.method(), r.headers())),
      dialog.getByRole("button", { name: "Create key" }).click(),
    ]);
    await page.getByRole("dialog", { name: "Copy your new API key" }).getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Close, I saved it" }).click();
    await chooseKeyAction(page, "acme-key", "Revoke…");
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
    await expect(page.getByText("Revoked “acme-key”")).toBeVisible();

    const stored = await sql<{ description: string; workspace_id: string; revoked: boolean }>(
      "SELECT description, workspace_id, revoked_at IS NOT NULL AS revoked FROM api_keys WHERE description IN ('pinned-create', 'acme-key') ORDER BY description",
    );
    expect(stored).toEqual([
      { description: "acme-key", workspace_id: acme, revoked: true },
      { description: "pinned-create", workspace_id: acme, revoked: false },
    ]);
    expect(calls.length).toBeGreaterThan(0);
    // The list and its keys' sparklines, all for the workspace the page shows.
    expect(calls.filter((path) => !path.startsWith(`/api/v1/workspaces/${acme}/api-keys`))).toEqual([]);

    // The same action called by hand: a workspace where the caller is only a member, "current",
    // or an id that is not theirs never acts on any workspace.
    const actionId = request.headers()["next-action"]!;
    const call = async (workspaceId: unknown) => {
      const response = await page.request.post(API_KEYS_PATH, {
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: new URL(page.url()).origin },
        data: JSON.stringify([workspaceId, { description: "hand-made" }]),
      });
      return (await response.text()).match(/"code":"(\w+)"/)?.[1];
    };
    expect({
      member: await call(hooli!.id),
      current: await call("current"),
      unknown: await call("no-such-workspace"),
      notAString: await call({ id: acme }),
    }).toEqual({ member: "forbidden", current: "not_found", unknown: "not_found", notAString: "not_found" });
    expect(await keysNamed("hand-made")).toEqual([]);

    // The switch did happen: a fresh page shows the other workspace.
    await page.reload();
    await expect(page.getByRole("banner")).toContainText("Initech");
  } finally {
    // Deleting them also clears the selection (the owner's current workspace is Acme again).
    await sql("DELETE FROM workspaces WHERE id = ANY($1)", [[initech!.id, hooli!.id]]);
  }
});
