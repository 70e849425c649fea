// Sign-in for the dashboard: Auth.js (next-auth v5) against any OpenID provider
// (the local one from `npm start`, or OIDC_ISSUER in production). Sessions are JWTs that
// carry only the OpenID subject; role and workspace are read from the database on every
// request (lib/auth/actor.ts), so removing someone from a workspace takes effect at once.
import NextAuth from "next-auth";
import { upsertUserFromSignIn } from "./users";

declare module "next-auth" {
  interface Session {
    /** The OpenID subject of the signed-in user. */
    subject?: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  providers: [
    {
      id: "oidc",
      name: "One",
      type: "oidc",
      issuer: process.env.OIDC_ISSUER,
      clientId: process.env.OIDC_CLIENT_ID,
      clientSecret: process.env.OIDC_CLIENT_SECRET,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
    },
  ],
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin" },
  callbacks: {
    async jwt({ token, profile }) {
      if (profile?.sub) {
        // First request after sign-in: link the OpenID subject to our user row.
        await upsertUserFromSignIn({
          subject: profile.sub,
          email: String(profile.email ?? ""),
          name: String(profile.name ?? profile.email ?? ""),
        });
        token.sub = profile.sub;
      }
      return token;
    },
    session({ session, token }) {
      session.subject = token.sub;
      return session;
    },
  },
});
