import { db } from "@/lib/db/client";

/** Links an OpenID subject to a user row, creating it on first sign-in; returns the user's id. */
export async function upsertUserFromSignIn(profile: { subject: string; email: string; name: string }): Promise<string> {
  if (!profile.email) throw new Error("The identity provider did not return an email address.");
  const user = await db().user.upsert({
    where: { oidcSubject: profile.subject },
    update: { email: profile.email, name: profile.name },
    create: { oidcSubject: profile.subject, email: profile.email, name: profile.name },
    select: { id: true },
  });
  return user.id;
}
