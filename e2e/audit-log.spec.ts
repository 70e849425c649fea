// The audit log page: filters by action and key (in the URL), "Load more" through the keyset
// cursor (focus on the first new row), the CSV export of the filtered view, the refusal for members, 390 px and axe.
import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { signIn } from "./helpers/sign-in";
import { call, userToken } from "./rest/callers";
import { expectNoA11yViolations } from "./helpers/axe";

const AUDIT_LOG_PATH = "/settings/developer/audit-log";
const FORMULA = '=SUM(1,2) "q"';

/** A key created over REST and renamed `renames` times: 1 + renames events about it; the last name starts with "=". */
async function keyWithHistory(prefix: string, renames: number): Promise<{ id: string; description: string }> {
  const owner = await userToken("owner@example.com");
  const created = await call("POST", "/workspaces/current/api-keys", owner, { description: `${prefix}-0` });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  let description = `${prefix}-0`;
  for (let i = 1; i <= renames; i++) {
    description = i === renames ? `${FORMULA} ${prefix}` : `${prefix}-${i}`;
    expect((await call("PATCH", `/workspaces/current/api-keys/${id}`, owner, { description })).status).toBe(200);
  }
  // Revoke it, so the tests here leave Acme under its key cap.
  expect((await call("DELETE", `/workspaces/current/api-keys/${id}`, owner)).status).toBe(200);
  return { id, description };
}

test("owner filters the audit log by action and by key, and loads more pages", async ({ page }) => {
  const key = await keyWithHistory(`audit-${Date.now()}`, 30); // created, 30 renames, revoked: 32 events
  await signIn(page, "admin@example.com", AUDIT_LOG_PATH);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const table = page.getByRole("table", { name: /Audit events of Acme/ });
  await expect(table.getByRole("row").nth(1)).toContainText("Revoked key");

  // By key: a revoked key is still offered when it is in the URL; the select updates the URL.
  await page.goto(`${AUDIT_LOG_PATH}?key=${key.id}`);
  await expect(page.getByLabel("Key")).toHaveValue(key.id);
  await expect(page.getByRole("status")).toHaveText("25 events shown, more are available.");
  await expect(table.getByRole("row")).toHaveCount(26);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(page.getByRole("status")).toHaveText("32 events shown, that is all of them.");
  await expect(table.getByRole("row")).toHaveCount(33);
  // Focus is on the first new row (the button is gone: there is nothing more to load).
  await expect(table.getByRole("row").nth(26)).toBeFocused();
  await expect(table.getByRole("row").last()).toContainText("Created key");
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  // Every row is about this key, and links to its page.
  await expect(table.getByRole("link", { name: key.description }).first()).toHaveAttribute(
    "href",
    `/settings/developer/api-keys/${key.id}`,
  );

  // By action, on top of the key.
  await page.getByLabel("Action").selectOption({ label: "Revoked key" });
  await expect(page).toHaveURL(new RegExp(`\\?action=api_key\\.revoked&key=${key.id}$`));
  await expect(page.getByRole("status")).toHaveText("1 event shown, that is all of them.");
  await expect(table.getByRole("row").nth(1)).toContainText("Olivia Owner");
  await expect(table.getByRole("row").nth(1)).toContainText("owner@example.com");

  await page.getByLabel("Action").selectOption({ label: "Created task" });
  await expect(page.getByText("No events match these filters", { exact: true })).toBeVisible();

  // The URL is the view: reloading keeps it, Back goes to the previous filter.
  await page.goBack();
  await expect(page.getByLabel("Action")).toHaveValue("api_key.revoked");
  await page.reload();
  await expect(page.getByLabel("Action")).toHaveValue("api_key.revoked");
  await expect(page.getByRole("status")).toHaveText("1 event shown, that is all of them.");

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(new RegExp(`${AUDIT_LOG_PATH}$`));
  await expect(page.getByLabel("Action")).toHaveValue("");
});

test("the CSV export downloads exactly the filtered view, with spreadsheet formulas neutralised", async ({ page }) => {
  const key = await keyWithHistory(`csv-${Date.now()}`, 3);
  await signIn(page, "owner@example.com", `${AUDIT_LOG_PATH}?action=api_key.updated&key=${key.id}`);
  await expect(page.getByRole("status")).toHaveText("3 events shown, that is all of them.");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-acme-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = text.split("\r\n").filter(Boolean);
  expect(lines[0]).toBe("time_utc,action,what,detail,actor_type,actor,actor_email,target_type,target_id,target,ip,user_agent,event_id");
  expect(lines).toHaveLength(4);
  expect(lines.slice(1).every((line) => line.includes(",api_key.updated,Changed key,") && line.includes(key.id))).toBe(true);
  // The newest rename's target is `=SUM(1,2) "q" csv-…`: quoted (comma, quotes doubled) and prefixed with '.
  expect(lines[1]).toContain(`,"'=SUM(1,2) ""q"" ${key.description.split(" ").at(-1)}",`);
});

test("a member is told why they cannot read the audit log, and cannot export it", async ({ page }) => {
  await signIn(page, "member@example.com", AUDIT_LOG_PATH);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByText("Only workspace owners and admins can read the audit log.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  const acme = (await call("GET", "/workspaces", await userToken("member@example.com"))).body.data!.find((w) => w.slug === "acme");
  const exported = await page.request.get(`${AUDIT_LOG_PATH}/export?workspace=${acme!.id}`);
  expect({ status: exported.status(), body: await exported.json() }).toEqual({
    status: 403,
    body: { code: 403, message: "Only workspace owners and admins can read the audit log." },
  });
  await expectNoA11yViolations(page);
});

test("the audit log fits 390 px (cards) and passes axe in light and dark", async ({ page }) => {
  await keyWithHistory(`narrow-${Date.now()}-with-a-long-description-that-has-to-wrap`, 1);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "owner@example.com", AUDIT_LOG_PATH);
  const cards = page.getByRole("list", { name: /Audit events of Acme/ });
  await expect(cards.getByRole("listitem").first()).toContainText("Revoked key");
  await expect(page.getByRole("table")).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoA11yViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.getByRole("table")).toBeVisible();
    await expectNoA11yViolations(page);
  }
});
