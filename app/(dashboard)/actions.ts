"use server";
// Server actions are public POST endpoints: each one checks who is calling itself.
import { signOut } from "@/lib/auth/next-auth";

export async function signOutAction() {
  await signOut({ redirectTo: "/signed-out" });
}
