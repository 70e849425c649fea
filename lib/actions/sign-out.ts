"use server";
// Signing out from the dashboard's header. A public POST endpoint like every server action.
import { signOut } from "@/lib/auth/next-auth";
import { endCurrentSession } from "@/lib/auth/sign-out";
import { toActionResult } from "@/lib/ui/server/action-result";

/**
 * Ends the session here and at the provider and clears the cookie; answers where the browser goes
 * next (the provider's logout, which comes back to /signed-out). The browser goes there itself, so
 * a failure on the way is said on the page instead of replacing it.
 */
export async function signOutAction() {
  return toActionResult(async () => {
    const next = await endCurrentSession();
    await signOut({ redirect: false });
    return { next };
  });
}
