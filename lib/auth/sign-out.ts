// Signing out of the dashboard ends the session on the server (its row is deleted, so any copy
// of the cookie stops working) and at the OpenID provider (RP-initiated logout), so that
// "Sign in again" asks for the password instead of walking straight back in.
import { auth } from "./next-auth";
import { endSession } from "./sessions";

let discovery: Promise<string | null> | undefined;

/** The provider's end_session_endpoint from its discovery document (cached), or null if it has none. */
function endSessionEndpoint(): Promise<string | null> {
  discovery ??= fetch(`${process.env.OIDC_ISSUER?.replace(/\/+$/, "")}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(3_000),
  })
    .then((response) => (response.ok ? response.json() : {}))
    .then((document: { end_session_endpoint?: unknown }) =>
      typeof document.end_session_endpoint === "string" ? document.end_session_endpoint : null,
    )
    .catch(() => {
      discovery = undefined; // try again next time
      return null;
    });
  return discovery;
}

/**
 * Deletes the caller's session row and returns where the browser goes next: the provider's
 * end-session endpoint (which comes back to /signed-out), or /signed-out itself.
 * The caller clears the cookie (Auth.js signOut) before redirecting.
 */
export async function endCurrentSession(): Promise<string> {
  const appUrl = (process.env.AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  const session = await auth();
  const ended = session?.sessionId ? await endSession(session.sessionId) : null;
  const endpoint = await endSessionEndpoint();
  if (!endpoint) return "/signed-out";
  const url = new URL(endpoint);
  if (ended?.idToken) url.searchParams.set("id_token_hint", ended.idToken);
  url.searchParams.set("client_id", process.env.OIDC_CLIENT_ID ?? "");
  url.searchParams.set("post_logout_redirect_uri", `${appUrl}/signed-out`);
  return url.toString();
}
