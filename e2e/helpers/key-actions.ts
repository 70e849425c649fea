// The key list's ⋯ menu, as a person uses it: open "Actions for <description>", choose an item.
import type { Page } from "@playwright/test";

export type KeyAction = "Roll…" | "Rename" | "Revoke…";

/** Opens the menu of the key's row and chooses `action` (a dialog or the rename field opens). */
export async function chooseKeyAction(page: Page, description: string, action: KeyAction) {
  await page.getByRole("button", { name: `Actions for ${description}`, exact: true }).click();
  await page.getByRole("menuitem", { name: action, exact: true }).click();
}
