// Lighthouse 12 on every page, signed in as the owner, at its mobile and desktop presets: each
// must score 100 in accessibility, best practices (which includes no console errors and no
// issues in Chrome's issues panel, such as a Content-Security-Policy report) and SEO. One run
// per page and preset. Performance depends on the machine: `npm run bench:pages` reports it.
// The pages and the browser set-up are shared with that script (scripts/bench/lighthouse.ts).
import { expect, test } from "@playwright/test";
import { ASSERTED_CATEGORIES, audit, PAGES, PRESETS, signedInBrowser, type SignedInBrowser } from "../scripts/bench/lighthouse";
import { E2E_BASE_URL } from "./env";
import { revokeAllAcmeKeys } from "./helpers/db";
import { call, userToken } from "./rest/callers";

test.describe.configure({ mode: "serial" });

let browser: SignedInBrowser;
let keyId: string;

test.beforeAll(async () => {
  // Keys created over REST as the owner, so the list, a key's page and the audit log have rows.
  await revokeAllAcmeKeys();
  const owner = await userToken("owner@example.com");
  for (const description of ["ci-production", "billing-worker", "staging-deploy"]) {
    const created = await call("POST", "/workspaces/current/api-keys", owner, { description });
    expect(created.status).toBe(201);
    keyId = created.body.id as string;
  }
  browser = await signedInBrowser(E2E_BASE_URL);
});

test.afterAll(async () => {
  await browser?.close();
});

for (const page of PAGES) {
  for (const preset of PRESETS) {
    test(`${page.name} (${page.path(":keyId")}) scores 100 in accessibility, best practices and SEO at the ${preset} preset`, async () => {
      test.setTimeout(120_000);
      const { scores, failures } = await audit(browser, E2E_BASE_URL + page.path(keyId), preset);
      const asserted = Object.fromEntries(ASSERTED_CATEGORIES.map((category) => [category, scores[category]]));
      expect({ scores: asserted, failures }).toEqual({
        scores: Object.fromEntries(ASSERTED_CATEGORIES.map((c) => [c, 100])),
        failures: [],
      });
    });
  }
}
