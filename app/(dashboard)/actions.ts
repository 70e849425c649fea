"use server";
// Server actions are public POST endpoints: each one checks who is calling itself.
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/next-auth";
import { endCurrentSession } from "@/lib/auth/sign-out";

/** Ends the session here and at the provider, clears the cookie, and goes to the provider's logout. */
export async function signOutAction() {
  const next = await endCurrentSession();
  await signOut({ redirect: false });
  redirect(next);
}
