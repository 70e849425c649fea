// With the database hung (its processes SIGSTOPped: connections open, nothing answers), the
// dashboard answers within the statement timeout with a page that says what happened and that
// nothing changed, instead of an error page or a request that never ends; afterwards it works
// again without a restart.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR } from "./env";
import { API_KEYS_PATH, signIn } from "./helpers/sign-in";

function databaseProcesses(): number[] {
  const postmaster = Number(readFileSync(path.join(E2E_DATA_DIR, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(postmaster)], { encoding: "utf8" })
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
  return [postmaster, ...children];
}

test("the dashboard says the service is briefly unavailable while the database hangs, then recovers", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "owner@example.com");
  const pids = databaseProcesses();
  let seconds = 0;
  try {
    for (const pid of pids) process.kill(pid, "SIGSTOP");
    const start = Date.now();
    await page.reload({ timeout: 30_000 });
    await expect(page.getByRole("heading", { name: "Briefly unavailable" })).toBeVisible();
    seconds = (Date.now() - start) / 1000;
    await expect(page.getByText("The service is briefly unavailable. Nothing was changed; try again in a moment.")).toBeVisible();
  } finally {
    for (const pid of pids) process.kill(pid, "SIGCONT");
  }
  console.log(`dashboard answered after ${seconds.toFixed(1)} s with the database hung`);
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API Keys" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(API_KEYS_PATH);
  expect(seconds).toBeLessThan(15);
});
