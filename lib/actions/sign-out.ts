"use server";
// Signing out from the dashboard's header. A public POST endpoint like every server action.
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/next-auth";
import { endCurrentSession } from "@/lib/auth/sign-out";
import { toActionResult } from "@/lib/ui/server/action-result";

/**
 * Ends the session here and at the provider, clears the cookie, and sends the browser to the
 * provider's logout (which comes back to /signed-out). The redirect is Next's own: clearing the
 * cookie makes Next refresh the page after the action, and a navigation started by the page
 * itself raced with that refresh (which, cut short, reloaded the dashboard instead). A failure
 * is answered instead, so the page can say it and stay.
 */
export async function signOutAction() {
  const result = await toActionResult(async () => {
    const next = await endCurrentSession();
    await signOut({ redirect: false });
    return next;
  });
  if (result.ok) redirect(result.data);
  return result;
}
