// Times read one way (issue 21, item 3), in a browser whose time zone is New York: relative times
// round as the badges count ("in 3 days", "in 24 hours"), exact times are in the reader's zone with
// the zone named and the UTC time in the tooltip, on the list, a key's page (facts, usage chart's
// hours and days), the audit log; the date field speaks the format it shows.
import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./env";
import { expectNoA11yViolations } from "./helpers/axe";
import { insertAcmeKey, revokeAllAcmeKeys, sql } from "./helpers/db";
import { signIn } from "./helpers/sign-in";
import { call, userToken } from "./rest/callers";

test.use({ timezoneId: "America/New_York", locale: "en-US" });

const ZONE = "America/New_York";
/** What the page should print for a moment, computed here independently with Intl. */
const exact = (date: Date, timeZone = ZONE) =>
  new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  }).format(date);
const zoneName = (date = new Date()) =>
  new Intl.DateTimeFormat("en-US", { timeZoneName: "short", timeZone: ZONE }).formatToParts(date).find((p) => p.type === "timeZoneName")!
    .value;

test.beforeEach(async () => {
  await revokeAllAcmeKeys();
});

async function screenshots(page: Page, name: string) {
  for (const width of [390, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `/tmp/times-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a 3-day key says 'in 3 days' and a 24-hour grace 'in 24 hours', with exact times in New York time and UTC in the tooltip", async ({
  page,
}) => {
  const key = await insertAcmeKey("three-day-key");
  await sql("UPDATE api_keys SET expires_at = now() + interval '3 days' WHERE id = $1", [key.id]);
  const [{ expires_at: expiresAt }] = (await sql<{ expires_at: Date }>("SELECT expires_at FROM api_keys WHERE id = $1", [key.id])) as [
    { expires_at: Date },
  ];
  const owner = await userToken("owner@example.com");
  const rolled = await call("POST", `/workspaces/current/api-keys/${key.id}/roll`, owner, { previousSecretExpiresInSeconds: 86_400 });
  expect(rolled.status).toBe(200);

  await signIn(page, "owner@example.com");
  const row = page.getByRole("row", { name: /three-day-key/ });
  await expect(row).toContainText("Expires in 3 days");
  // The list says it relatively; the exact time, in the reader's zone and in UTC, is its tooltip.
  const expires = row.getByRole("cell").nth(2);
  await expect(expires).toContainText("in 3 days");
  await expect(expires.locator("time")).toHaveAttribute("title", `${exact(expiresAt)} (${exact(expiresAt, "UTC")})`);
  await screenshots(page, "list-ny");

  // The key's page: the same words, the zone named, UTC in the tooltip.
  await page.getByRole("link", { name: "three-day-key" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "three-day-key" })).toBeVisible();
  const facts = page.getByRole("region", { name: "Details" });
  await expect(facts).toContainText(`in 3 days · ${exact(expiresAt)}`);
  await expect(facts.locator("time").first()).toHaveAttribute("title", exact(expiresAt, "UTC"));
  await expect(page.getByRole("region", { name: "Previous secret" })).toContainText("It retires at the latest in 24 hours ·");
  await expect(page.getByRole("region", { name: "Previous secret" })).toContainText(zoneName());

  // The usage chart's hours are New York hours, said under it; its days are UTC days, and say so.
  for (let i = 0; i < 2; i++) {
    await fetch(`${E2E_BASE_URL}/api/v1/workspaces/current/tasks`, { headers: { Authorization: `Bearer ${rolled.body.secret}` } });
  }
  await expect(page.getByTestId("usage-total")).toHaveText("2", { timeout: 10_000 });
  await expect(page.getByText(`Hourly, in your time zone (${zoneName()}).`)).toBeVisible();
  await page.getByRole("button", { name: "Show as table" }).click();
  const hours = page.getByRole("table", { name: /per hour/ });
  const lastHour = hours.getByRole("row").last().getByRole("rowheader");
  await expect(lastHour).toContainText(zoneName());
  const hourStart = new Date(
    await lastHour
      .locator("time")
      .getAttribute("datetime")
      .then((value) => value!),
  );
  await expect(lastHour.locator("time")).toHaveAttribute("title", exact(hourStart, "UTC"));
  await expect(lastHour).toHaveText(
    new Intl.DateTimeFormat("en-US", {
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
      timeZone: ZONE,
    }).format(hourStart),
  );
  // The table scrolls inside a named region that the keyboard can reach.
  const scroller = page.getByRole("region", { name: /Requests with this key per hour/ });
  await page.getByRole("button", { name: "Show as chart" }).focus();
  await page.keyboard.press("Shift+Tab");
  await expect(scroller).toBeFocused();
  // The range is a radio group drawn as buttons: a person clicks the label.
  await page
    .locator("label")
    .filter({ has: page.getByRole("radio", { name: "7 days" }) })
    .click();
  const days = page.getByRole("table", { name: /per day/ });
  await expect(days.getByRole("row").last().getByRole("rowheader")).toContainText("(UTC)");
  await expect(page.getByText("Daily, by UTC day.")).toBeVisible();
  await expectNoA11yViolations(page);
  await screenshots(page, "key-page-ny");
});

test("the audit log shows New York times with the zone named and UTC in the tooltip", async ({ page }) => {
  const owner = await userToken("owner@example.com");
  const created = await call("POST", "/workspaces/current/api-keys", owner, { description: "audit-time-key" });
  expect(created.status).toBe(201);
  const [{ created_at: at }] = (await sql<{ created_at: Date }>(
    "SELECT created_at FROM audit_events WHERE target_id = $1 AND action = 'api_key.created'",
    [created.body.id],
  )) as [{ created_at: Date }];

  await signIn(page, "owner@example.com", `/settings/developer/audit-log?key=${created.body.id}`);
  const table = page.getByRole("table", { name: /Audit events of Acme/ });
  const when = table.getByRole("row").nth(1).getByRole("cell").first();
  await expect(when).toContainText(exact(at));
  await expect(when.locator("time")).toHaveAttribute("title", exact(at, "UTC"));
  await expectNoA11yViolations(page);
  await screenshots(page, "audit-log-ny");
  await call("DELETE", `/workspaces/current/api-keys/${created.body.id}`, owner);
});

test("the date field's help and errors use the format the field shows (MM/DD/YYYY here)", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await page.getByRole("button", { name: "Add key" }).click();
  const dialog = page.getByRole("dialog", { name: "Add API key" });
  await dialog.getByLabel("Description").fill("dated-key");
  await dialog.getByRole("combobox", { name: "Expiration" }).selectOption({ label: "A date…" });
  await expect(dialog).toContainText(/in your time zone \((EST|EDT)\): choose a day from \d{2}\/\d{2}\/\d{4} to \d{2}\/\d{2}\/\d{4}\./);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(/^Choose the day the key expires, from \d{2}\/\d{2}\/\d{4} to \d{2}\/\d{2}\/\d{4}\.$/);
  // An invalid submit moves focus to the field that says what is wrong.
  await expect(dialog.getByLabel("Expires on")).toBeFocused();
  await dialog.getByLabel("Expires on").fill("2099-01-01");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    /^Choose a day up to \d{2}\/\d{2}\/\d{4}: a key can expire at most 366 days from now\.$/,
  );
  await expect(dialog.getByLabel("Expires on")).toBeFocused();
  await expectNoA11yViolations(page);
  for (const width of [390, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/times-date-field-${width}.png` });
  }
});
