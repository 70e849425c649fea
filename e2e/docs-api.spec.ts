// The API reference at /docs/api: public, every operation of the served document on the page
// with its SDK and curl examples (in the server's HTML, and in the interactive viewer once it is
// opened), nothing requested from anywhere but the app, the page's Content-Security-Policy in
// force without violations, and no serious accessibility findings.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./env";

type Document = {
  paths: Record<string, Record<string, { summary: string; operationId: string; "x-codeSamples": { label: string; source: string }[] }>>;
};

async function operations(page: Page) {
  const document = (await (await page.request.get("/api/v1/openapi.json")).json()) as Document;
  return { document, operations: Object.values(document.paths).flatMap((methods) => Object.values(methods)) };
}

/** Swaps the server-rendered reference for the interactive viewer (its script, about 1 MB, loads on request). */
async function openViewer(page: Page) {
  await page.getByRole("button", { name: "Open the interactive viewer" }).click();
  await expect(page.getByRole("button", { name: "Open the interactive viewer" })).toBeHidden({ timeout: 30_000 });
}

async function openReference(page: Page) {
  const foreign: string[] = [];
  const cspViolations: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== E2E_BASE_URL) foreign.push(request.url());
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  const response = await page.goto("/docs/api");
  return { response: response!, foreign, cspViolations };
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server's HTML has every operation with its SDK and curl examples", async ({ page }) => {
    const { response } = await openReference(page);
    expect(response.status()).toBe(200);
    const { operations: all } = await operations(page);
    expect(all.length).toBeGreaterThan(5);
    for (const operation of all) {
      const section = page.getByRole("region", { name: operation.summary, exact: true });
      await expect(section.getByRole("heading", { name: operation.summary, exact: true }), operation.operationId).toBeVisible();
      for (const sample of operation["x-codeSamples"]) {
        await expect(section.getByRole("figure", { name: sample.label === "SDK" ? "SDK (TypeScript)" : sample.label })).toContainText(
          sample.source.split("\n").at(-1)!,
        );
      }
      // The sidebar links to it.
      await expect(page.getByRole("navigation", { name: "Operations" }).locator(`a[href="#${operation.operationId}"]`)).toHaveCount(1);
    }
    // Short names in the sidebar, and the way back to the dashboard.
    const sidebar = page.getByRole("navigation", { name: "Operations" });
    await expect(sidebar.locator('a[href="#listApiKeys"]')).toHaveText(/^get\s*List API keys$/i);
    await expect(sidebar.getByRole("link", { name: "Back to the dashboard" })).toHaveAttribute("href", "/settings/developer/api-keys");
    await expect(
      page.getByRole("region", { name: "Create an API key (owners and admins; at most 20 active per workspace)" }),
    ).toContainText(`curl -X POST "${E2E_BASE_URL}/api/v1/workspaces/current/api-keys"`);
    // The app's icons reach signed-out visitors too (the sign-in proxy lets them through).
    const icons = await page
      .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute("href")!));
    expect(icons.map((href) => new URL(href, E2E_BASE_URL).pathname).sort()).toEqual(["/apple-icon.png", "/favicon.ico", "/icon.svg"]);
    for (const href of icons) {
      const icon = await page.request.get(href, { maxRedirects: 0 });
      expect(icon.status(), href).toBe(200);
      expect(icon.headers()["content-type"], href).toMatch(/^image\//);
    }
  });
});

test("signed out, the reference renders every operation with SDK and curl examples, all from the app", async ({ page }) => {
  test.setTimeout(120_000); // the viewer's download, then a visit to each operation
  const { response, foreign, cspViolations } = await openReference(page);
  expect(response.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe("/docs/api");
  expect(response.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);

  const { document, operations: all } = await operations(page);
  expect(all.length).toBeGreaterThan(5);
  await openViewer(page);
  for (const operation of all) {
    // The viewer renders sections as they scroll into view: go to each one from the sidebar.
    await page.getByRole("link", { name: `${operation.summary} HTTP Method:` }).click();
    const section = page.getByRole("region", { name: operation.summary, exact: true });
    await expect(section.getByRole("heading", { name: operation.summary, exact: true }), operation.operationId).toBeVisible();
    // Its examples: the SDK call (where an SDK class has it) first, with curl in the picker.
    const sdk = operation["x-codeSamples"].find((sample) => sample.label === "SDK");
    const callLine = (sdk ?? operation["x-codeSamples"][0]!).source.split("\n").at(-1)!;
    await expect(section, operation.operationId).toContainText(callLine);
  }

  // The create-key operation offers curl beside the SDK call.
  const create = document.paths["/workspaces/{workspaceId}/api-keys"]!.post!;
  await page.getByRole("link", { name: `${create.summary} HTTP Method:` }).click();
  const section = page.getByRole("region", { name: create.summary, exact: true });
  await section.getByTestId("client-picker").click();
  await page
    .getByRole("option", { name: "curl" })
    .or(page.getByRole("menuitem", { name: "curl" }))
    .or(page.getByRole("button", { name: "curl" }))
    .first()
    .click();
  await expect(section).toContainText(`curl -X POST "${E2E_BASE_URL}/api/v1/workspaces/current/api-keys"`);

  await page.screenshot({ path: "/tmp/sdk-docs-api.png", fullPage: false });
  expect(foreign).toEqual([]);
  expect(cspViolations).toEqual([]);
});

test("the reference has no serious accessibility findings, in light and dark mode", async ({ page }) => {
  test.setTimeout(240_000); // four axe runs (two over the viewer's large DOM) and its download, on a shared machine
  await openReference(page);
  await expect(page.getByRole("heading", { name: "Create a task", exact: true })).toBeVisible();
  const seriousFindings = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, nodes: v.nodes.length, first: v.nodes[0]?.target.join(" ") }));
  // The server-rendered reference follows the system's colour scheme.
  expect(await seriousFindings()).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await seriousFindings()).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });

  await openViewer(page);
  // The viewer renders its sections progressively after it arrives.
  await expect(page.getByRole("heading", { name: "Create a task", exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await seriousFindings()).toEqual([]);
  await page.getByRole("button", { name: "Set dark mode" }).click();
  await expect(page.getByRole("button", { name: "Set light mode" })).toBeVisible();
  expect(await seriousFindings()).toEqual([]);
});
