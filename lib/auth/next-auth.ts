// Sign-in for the dashboard: Auth.js (next-auth v5) against any OpenID provider
// (the local one from `npm start`, or OIDC_ISSUER in production). Sessions are JWT cookies
// that carry the OpenID subject and the id of a session row (lib/auth/sessions.ts), which the
// server checks on every request and deletes at sign-out; role and workspace are read from
// the database on every request (lib/auth/actor.ts), so removing someone from a workspace
// takes effect at once.
import NextAuth from "next-auth";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";
import { upsertUserFromSignIn } from "./users";

declare module "next-auth" {
  interface Session {
    /** The OpenID subject of the signed-in user. */
    subject?: string;
    /** The id of the session row (lib/auth/sessions.ts). */
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
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
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  callbacks: {
    // Runs on every auth() call; it touches the database only at sign-in. The session row is
    // checked where the user is loaded anyway (lib/auth/actor.ts), in the same statement.
    async jwt({ token, profile, account, trigger }) {
      if (trigger === "signIn" && profile?.sub) {
        // Link the OpenID subject to our user row, and record this sign-in.
        const userId = await upsertUserFromSignIn({
          subject: profile.sub,
          email: String(profile.email ?? ""),
          name: String(profile.name ?? profile.email ?? ""),
        });
        token.sub = profile.sub;
        token.sid = await startSession(userId, account?.id_token ?? null);
      }
      return token;
    },
    session({ session, token }) {
      session.subject = token.sub;
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Auth.js's own sign-out endpoint; the dashboard's button goes through lib/actions/sign-out.ts.
    async signOut(message) {
      if ("token" in message && message.token?.sid) await endSession(message.token.sid);
    },
  },
});
