import { db } from "@/lib/db/client";

/** Links an OpenID subject to a user row, creating it on first sign-in. */
export async function upsertUserFromSignIn(profile: { subject: string; email: string; name: string }) {
  if (!profile.email) throw new Error("The identity provider did not return an email address.");
  await db().user.upsert({
    where: { oidcSubject: profile.subject },
    update: { email: profile.email, name: profile.name },
    create: { oidcSubject: profile.subject, email: profile.email, name: profile.name },
  });
}
