import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe on the page once its CSS transitions have ended and expects no violation of any
 * impact, including the rule that a control's accessible name contains its visible text
 * (experimental in axe, so switched on here).
 *
 * Waiting matters: a button that has just been enabled fades from its disabled colour for
 * 150 ms, and axe measuring the contrast half-way reports a colour nobody sees for long.
 */
export async function expectNoA11yViolations(page: Page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  const { violations } = await new AxeBuilder({ page }).options({ rules: { "label-content-name-mismatch": { enabled: true } } }).analyze();
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
