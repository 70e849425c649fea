// Lighthouse against our pages as a signed-in person sees them, shared by the e2e test that
// fails below 100 in accessibility, best practices and SEO (e2e/lighthouse.spec.ts) and by
// `npm run bench:pages`, which reports performance. Playwright starts Chromium (Debian's when
// present) with a debugging port and a profile of its own, signs in there through the
// provider's real form, and Lighthouse then audits in the same browser, so the session is the
// browser's own cookie, exactly as after a person's sign-in (Lighthouse resets storage between
// runs but never cookies).
import { chromium, type BrowserContext } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../chromium";
import { freePort } from "../free-port";

export type Preset = "mobile" | "desktop";
export const PRESETS: Preset[] = ["mobile", "desktop"];

/** The categories a page must score 100 in (performance depends on the machine: reported only). */
export const ASSERTED_CATEGORIES = ["accessibility", "best-practices", "seo"] as const;
const CATEGORIES = ["performance", ...ASSERTED_CATEGORIES] as const;
type Category = (typeof CATEGORIES)[number];

/** The pages audited: add a page here when it lands. `keyId`: a key of the workspace. */
export const PAGES: { name: string; path: (keyId: string) => string }[] = [
  { name: "api-keys", path: () => "/settings/developer/api-keys" },
  { name: "key", path: (keyId) => `/settings/developer/api-keys/${keyId}` },
  { name: "audit-log", path: () => "/settings/developer/audit-log" },
  { name: "key-policy", path: () => "/settings/developer/key-policy" },
  { name: "webhooks", path: () => "/settings/developer/webhooks" },
  { name: "docs-api", path: () => "/docs/api" },
];

export type Audit = {
  scores: Record<Category, number>;
  /** Largest contentful paint and total blocking time in ms, cumulative layout shift, script transferred (compressed bytes). */
  metrics: { lcp: number; tbt: number; cls: number; scriptBytes: number };
  /** What cost points in the asserted categories: `category: audit id — title (details)`. */
  failures: string[];
};

// Lighthouse's advice for a headless Chromium (its own chrome-launcher flags) plus the e2e
// config's: no GPU, no background traffic, nothing that could leave the machine.
const LIGHTHOUSE_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  "--disable-default-apps",
  "--disable-extensions",
  "--mute-audio",
  "--no-default-browser-check",
  "--disable-renderer-backgrounding",
  "--disable-background-timer-throttling",
  "--disable-backgrounding-occluded-windows",
];

export type SignedInBrowser = { port: number; close: () => Promise<void> };

/** Starts Chromium with a debugging port and signs `email` in through the provider's form. */
export async function signedInBrowser(baseUrl: string, email = "owner@example.com"): Promise<SignedInBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), "one-lighthouse-"));
  const port = await freePort();
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_EXECUTABLE,
      headless: true,
      args: [...LIGHTHOUSE_CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const landing = "/settings/developer/api-keys";
    await page.goto(baseUrl + landing);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.origin === baseUrl && url.pathname === landing);
    await page.goto("about:blank");
  } catch (error) {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    async close() {
      await context!.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One Lighthouse run of `url` at a preset (mobile: Lighthouse's default, a throttled Moto G Power). */
export async function audit(browser: SignedInBrowser, url: string, preset: Preset): Promise<Audit> {
  const flags: Flags = { port: browser.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] };
  const result = await lighthouse(url, flags, preset === "desktop" ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const finalUrl = lhr.finalDisplayedUrl;
  if (new URL(finalUrl).pathname !== new URL(url).pathname) throw new Error(`Lighthouse landed on ${finalUrl}, not ${url}`);
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Record<
    Category,
    number
  >;
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    scores,
    metrics: {
      lcp: numeric("largest-contentful-paint"),
      tbt: numeric("total-blocking-time"),
      cls: numeric("cumulative-layout-shift"),
      scriptBytes: resourceBytes(lhr, "script"),
    },
    failures: failures(lhr),
  };
}

/** Bytes of one type of resource transferred by the page (Lighthouse's resource summary). */
function resourceBytes(lhr: Result, type: string): number {
  const details = lhr.audits["resource-summary"]?.details;
  const items = details && "items" in details ? (details.items as { resourceType?: string; transferSize?: number }[]) : [];
  return items.find((item) => item.resourceType === type)?.transferSize ?? NaN;
}

function failures(lhr: Result): string[] {
  return ASSERTED_CATEGORIES.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id]!)
      .filter((a) => a.score !== null && a.score < 1)
      .map((a) => `${category}: ${a.id} — ${a.title}${describeItems(a.details)}`),
  );
}

/** The first few items an audit lists (the console message, the element, the URL), for the failure message. */
function describeItems(details: Result["audits"][string]["details"]): string {
  if (!details || !("items" in details) || !Array.isArray(details.items)) return "";
  const items = details.items.slice(0, 3).map((item) => {
    const values = Object.values(item as Record<string, unknown>).map((value) =>
      typeof value === "object" && value !== null
        ? ((value as { snippet?: string; url?: string; text?: string }).snippet ??
          (value as { url?: string }).url ??
          (value as { text?: string }).text ??
          "")
        : String(value),
    );
    return values.filter(Boolean).join(" ").slice(0, 200);
  });
  return items.length ? ` (${items.join("; ")})` : "";
}
