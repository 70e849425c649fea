// Verifies OAuth access tokens (JWTs) from the configured OpenID provider: signature against
// its JWKS, issuer, audience, expiry and the `at+jwt` type (so an ID token is not accepted).
import { createRemoteJWKSet, jwtVerify } from "jose";

let jwks: { issuer: string; keySet: ReturnType<typeof createRemoteJWKSet> } | undefined;

function keySetFor(issuer: string) {
  if (jwks?.issuer !== issuer) {
    jwks = { issuer, keySet: createRemoteJWKSet(new URL(`${issuer.replace(/\/$/, "")}/jwks`)) };
  }
  return jwks.keySet;
}

/** Returns the token's subject, or null when the token is not valid for this API. */
export async function verifyAccessToken(token: string): Promise<string | null> {
  const issuer = process.env.OIDC_ISSUER;
  const audience = process.env.OIDC_AUDIENCE ?? "urn:one:api";
  if (!issuer) throw new Error("OIDC_ISSUER is not set.");
  try {
    const { payload } = await jwtVerify(token, keySetFor(issuer), { issuer, audience, typ: "at+jwt" });
    return typeof payload.sub === "string" && payload.sub ? payload.sub : null;
  } catch {
    return null;
  }
}
