// With the database hung (its processes SIGSTOPped: connections open, nothing answers), the
// dashboard answers within the statement timeout with a page that says what happened and that
// nothing changed, inside the product's shell (the settings navigation and who is signed in),
// instead of an error page or a request that never ends; afterwards it works again without a restart.
import { expect, test } from "@playwright/test";
import { pauseDatabase } from "./helpers/database-pause";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";

test("the dashboard says the service is briefly unavailable while the database hangs, then recovers", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await signIn(page, "owner@example.com");
  let seconds = 0;
  const resume = pauseDatabase();
  try {
    const start = Date.now();
    await page.reload({ timeout: 30_000 });
    await expect(page.getByRole("heading", { name: "Briefly unavailable" })).toBeVisible();
    seconds = (Date.now() - start) / 1000;
    await expect(page.getByText("The service is briefly unavailable. Nothing was changed; try again in a moment.")).toBeVisible();
    const navigation = page.getByRole("navigation", { name: "Settings" });
    await expect(navigation.getByRole("link")).toHaveText(["API Keys", "Key policy", "Webhooks", "Audit log"]);
    await expect(page.getByRole("banner")).toContainText("Olivia Owner");
    await page.screenshot({ path: testInfo.outputPath("outage.png") });
  } finally {
    resume();
  }
  console.log(`dashboard answered after ${seconds.toFixed(1)} s with the database hung`);
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API Keys" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(API_KEYS_PATH);
  expect(seconds).toBeLessThan(15);
});
