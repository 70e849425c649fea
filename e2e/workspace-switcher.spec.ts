// The header's workspace switcher, and the dashboard keeping workspaces apart:
//   owner@:  Acme OWNER,  Globex MEMBER
//   admin@:  Acme ADMIN,  not in Globex
//   member@: Acme MEMBER, Globex OWNER
// Other tests assume every demo account's `current` workspace is Acme: each test here ends
// with the selection back on the default (the oldest membership, Acme).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./helpers/axe";
import { revokeAllAcmeKeys, sql, workspaceId } from "./helpers/db";
import { insertKey } from "./helpers/keys";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";
import { chooseKeyAction } from "./helpers/key-actions";

const READ_ONLY_REASON = "Only workspace owners and admins can add API keys.";
/** Starts the descriptions of the keys this file makes, so its checks never see other tests' keys. */
const TAG = `sw${Date.now().toString(36)}`;

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
});

test.afterEach(async () => {
  await sql(`UPDATE users SET selected_workspace_id = NULL WHERE email LIKE '%@example.com'`);
  // Globex's keys from here, so its 20-key cap stays far away for other tests.
  await sql(`UPDATE api_keys SET revoked_at = now() WHERE revoked_at IS NULL AND description LIKE $1`, [`${TAG}-%`]);
});

const switcher = (page: Page) => page.getByRole("button", { name: /^Workspace: / });
/** The switcher's name, "Workspace: Acme, your role: Owner" (Chromium puts a space before the visually hidden comma). */
const switcherName = (workspace: string, role = "\\w+") => new RegExp(`^Workspace: ${workspace}\\s*, your role: ${role}$`);
/** A menu item's name, "Acme, Owner". */
const itemName = (workspace: string, role = "\\w+") => new RegExp(`^${workspace}\\s*, ${role}$`);

/** Opens the switcher with the keyboard and chooses `name`. */
async function switchTo(page: Page, name: string) {
  await switcher(page).focus();
  await page.keyboard.press("Enter");
  const item = page.getByRole("menuitemradio", { name: itemName(name) });
  await expect(item).toBeVisible();
  // Arrow keys move through the items; Enter chooses the focused one.
  for (let i = 0; i < 3 && !(await item.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("ArrowDown");
  await expect(item).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(switcher(page)).toHaveAccessibleName(switcherName(name));
}

async function selectedSlug(email: string): Promise<string | null> {
  const [row] = await sql<{ slug: string | null }>(
    `SELECT w.slug FROM users u LEFT JOIN workspaces w ON w.id = u.selected_workspace_id WHERE u.email = $1`,
    [email],
  );
  return row?.slug ?? null;
}

test("the owner of Acme switches to Globex, where they are a member, and back, with the keyboard", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await expect(switcher(page)).toHaveAccessibleName(switcherName("Acme", "Owner"));
  await expect(page.getByRole("button", { name: "Add key" })).toBeVisible();
  // NULL (the default) or Acme, whatever earlier tests left.
  const before = await selectedSlug("owner@example.com");

  await switcher(page).focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitemradio")).toHaveText([/Acme.*Owner/, /Globex.*Member/]);
  await expect(menu.getByRole("menuitemradio", { name: itemName("Acme", "Owner") })).toHaveAttribute("aria-checked", "true");
  await expect(menu.getByRole("menuitemradio", { name: itemName("Globex", "Member") })).toHaveAttribute("aria-checked", "false");
  await expectNoA11yViolations(page);
  // Escape closes the menu and gives focus back to its button; nothing changes.
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(switcher(page)).toBeFocused();
  expect(await selectedSlug("owner@example.com")).toBe(before);

  await switchTo(page, "Globex");
  await expect(page.getByText("call the REST API for Globex")).toBeVisible();
  await expect(page.getByText(READ_ONLY_REASON)).toBeVisible();
  await expect(page.getByRole("button", { name: "Add key" })).toHaveCount(0);
  expect(await selectedSlug("owner@example.com")).toBe("globex");
  // The selection is remembered: a fresh load shows Globex too.
  await page.reload();
  await expect(switcher(page)).toHaveAccessibleName(switcherName("Globex", "Member"));
  await expect(page.getByText(READ_ONLY_REASON)).toBeVisible();

  await switchTo(page, "Acme");
  await expect(page.getByRole("button", { name: "Add key" })).toBeVisible();
  await expect(page.getByText("call the REST API for Acme")).toBeVisible();
  await expect(page.getByText(READ_ONLY_REASON)).toHaveCount(0);
  expect(await selectedSlug("owner@example.com")).toBe("acme");
});

test("at 390 px in dark mode the header fits, a long name is truncated, and the menu stays on screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, colorScheme: "dark" });
  const page = await context.newPage();
  const long = "Globex International Holdings and Subsidiaries Worldwide";
  await sql(`UPDATE workspaces SET name = $1 WHERE slug = 'globex'`, [long]);
  try {
    await signIn(page, "member@example.com");
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await switcher(page).click();
    const menu = page.getByRole("menu");
    await expect(menu).toBeVisible();
    const box = (await menu.boundingBox())!;
    expect(box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.screenshot({ path: "/tmp/switcher-390-dark-open.png" });
    await expectNoA11yViolations(page);
    await menu.getByRole("menuitemradio", { name: itemName(long, "Owner") }).click();
    await expect(switcher(page)).toHaveAccessibleName(switcherName(long, "Owner"));
    await expect(page.getByRole("button", { name: "Add key" })).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoA11yViolations(page);
    await page.screenshot({ path: "/tmp/switcher-390-dark-globex.png" });
  } finally {
    await sql(`UPDATE workspaces SET name = 'Globex' WHERE slug = 'globex'`);
    await context.close();
  }
});

test("a tab opened before a switch still acts on the workspace it shows, never on the newly selected one", async ({ page, context }) => {
  await signIn(page, "owner@example.com");
  await expect(page.getByText("call the REST API for Acme")).toBeVisible();

  // Another tab of the same session switches to Globex (where the owner is only a member).
  const other = await context.newPage();
  await other.goto(API_KEYS_PATH);
  await switchTo(other, "Globex");
  await expect(other.getByText(READ_ONLY_REASON)).toBeVisible();

  // The first tab still shows Acme, and adding a key there adds it to Acme.
  await page.getByRole("button", { name: "Add key" }).click();
  await page.getByLabel("Description").fill("stale-tab-key");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("dialog", { name: "Copy your new API key" })).toBeVisible();
  const stored = await sql<{ slug: string }>(
    `SELECT w.slug FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id WHERE k.description = 'stale-tab-key'`,
  );
  expect(stored).toEqual([{ slug: "acme" }]);
  // Through REST with the same session: Acme lists it, Globex does not, and `current` is Globex.
  const [acme, globex] = await Promise.all([workspaceId("acme"), workspaceId("globex")]);
  const descriptions = async (ws: string) =>
    ((await (await page.request.get(`/api/v1/workspaces/${ws}/api-keys`)).json()) as { data: { description: string }[] }).data.map(
      (k) => k.description,
    );
  expect({
    acme: (await descriptions(acme)).includes("stale-tab-key"),
    globex: (await descriptions(globex)).includes("stale-tab-key"),
  }).toEqual({
    acme: true,
    globex: false,
  });
  const workspaces = (await (await page.request.get("/api/v1/workspaces")).json()) as { data: { slug: string; current: boolean }[] };
  expect(workspaces.data.find((w) => w.current)?.slug).toBe("globex");

  await switchTo(other, "Acme");
});

test("when the server cannot be reached, the switcher says the choice may not have gone through", async ({ page, context }) => {
  await signIn(page, "owner@example.com");
  await context.setOffline(true);
  await switcher(page).click();
  await page.getByRole("menuitemradio", { name: itemName("Globex") }).click();
  const alert = page.getByRole("alert").filter({ hasText: "server did not answer" });
  await expect(alert).toHaveText(/it is not known whether Globex was selected\. Check your connection, then reload the page\./);
  await expect(switcher(page)).toHaveAccessibleName(switcherName("Acme", "Owner"));
  expect(await selectedSlug("owner@example.com")).not.toBe("globex");
  await expectNoA11yViolations(page);
  await context.setOffline(false);
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(alert).toBeHidden();
  await expect(switcher(page)).toBeFocused();
});

// ---- Server actions called directly, with another workspace's id or key ----

type Person = "owner" | "admin" | "member";
type Slug = "acme" | "globex";
const ROLES: Record<Person, Record<Slug, "OWNER" | "ADMIN" | "MEMBER" | null>> = {
  owner: { acme: "OWNER", globex: "MEMBER" },
  admin: { acme: "ADMIN", globex: null },
  member: { acme: "MEMBER", globex: "OWNER" },
};

/** The ids of the page's create and revoke actions, learnt the way an attacker could: from an owner's own requests. */
async function learnActionIds(browser: Browser): Promise<{ create: string; revoke: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await insertKey(sql, await workspaceId("acme"), "to-learn-revoke");
  await signIn(page, "owner@example.com");
  const actionId = async (act: () => Promise<void>) => {
    const [request] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]), act()]);
    return request.headers()["next-action"]!;
  };
  await page.getByRole("button", { name: "Add key" }).click();
  await page.getByLabel("Description").fill("to-learn-create");
  const create = await actionId(() => page.getByRole("button", { name: "Create key" }).click());
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close, I saved it" }).click();
  await chooseKeyAction(page, "to-learn-revoke", "Revoke…");
  const revoke = await actionId(() => page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click());
  await expect(page.getByText("Revoked “to-learn-revoke”")).toBeVisible();
  await context.close();
  return { create, revoke };
}

/** Posts a server action as the signed-in page would; returns the error code, or "ok". */
async function callAction(page: Page, actionId: string, args: unknown[]): Promise<string> {
  const response = await page.request.post(API_KEYS_PATH, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: new URL(page.url()).origin },
    data: JSON.stringify(args),
  });
  const body = await response.text();
  if (/"ok":true/.test(body)) return "ok";
  return /"code":"([a-z_]+)"/.exec(body)?.[1] ?? `unexpected answer ${response.status()}: ${body.slice(0, 200)}`;
}

test("server actions refuse another workspace's id and another workspace's keys, for every person", async ({ browser }) => {
  test.setTimeout(120_000);
  const actions = await learnActionIds(browser);
  const ids: Record<Slug, string> = { acme: await workspaceId("acme"), globex: await workspaceId("globex") };
  const other: Record<Slug, Slug> = { acme: "globex", globex: "acme" };

  for (const person of Object.keys(ROLES) as Person[]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, `${person}@example.com`);
    const name = (what: string) => `${TAG}-${person}-${what}`;
    const keys = {
      acme: await insertKey(sql, ids.acme, name("acme-target")),
      globex: await insertKey(sql, ids.globex, name("globex-target"), "member@example.com"),
    };
    const rows: { case: string; outcome: string; expected: string }[] = [];
    for (const ws of ["acme", "globex"] as Slug[]) {
      const role = ROLES[person][ws];
      const manage = role === "OWNER" || role === "ADMIN";
      const description = name(`creates-in-${ws}`);
      rows.push({
        case: `create in ${ws}`,
        outcome: await callAction(page, actions.create, [ids[ws], { description }]),
        expected: role === null ? "not_found" : manage ? "ok" : "forbidden",
      });
      // The other workspace's key, named with this workspace's id: never found here.
      rows.push({
        case: `revoke a ${other[ws]} key as ${ws}`,
        outcome: await callAction(page, actions.revoke, [ids[ws], keys[other[ws]].id]),
        expected: role === null ? "not_found" : manage ? "not_found" : "forbidden",
      });
    }
    // "current" and other non-ids are never accepted in place of the rendered workspace's id.
    for (const bogus of ["current", "acme", ""]) {
      rows.push({
        case: `create in "${bogus}"`,
        outcome: await callAction(page, actions.create, [bogus, { description: name("bogus") }]),
        expected: "not_found",
      });
    }

    const created = await sql<{ description: string; slug: string }>(
      `SELECT k.description, w.slug FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id WHERE k.description LIKE $1 ORDER BY k.description COLLATE "C"`,
      [name("%")],
    );
    const revoked = await sql<{ description: string }>(`SELECT description FROM api_keys WHERE id = ANY($1) AND revoked_at IS NOT NULL`, [
      [keys.acme.id, keys.globex.id],
    ]);
    expect({ person, rows, created, revoked }).toEqual({
      person,
      rows: rows.map((row) => ({ ...row, outcome: row.expected })),
      // Only where the person may add keys, and only in the workspace the call named.
      created: [
        { description: name("acme-target"), slug: "acme" },
        ...(["acme", "globex"] as Slug[])
          .filter((ws) => ROLES[person][ws] === "OWNER" || ROLES[person][ws] === "ADMIN")
          .map((ws) => ({ description: name(`creates-in-${ws}`), slug: ws })),
        { description: name("globex-target"), slug: "globex" },
      ].sort((a, b) => (a.description < b.description ? -1 : 1)),
      revoked: [],
    });
    await context.close();
  }
});
