// Integration tests of the local OpenID provider and the token flow behind
// `npm run oauth-token`: real HTTP on 127.0.0.1, a temporary keys file, no browser.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevOidcProvider, type DevOidcProvider, type DevOidcProviderOptions } from "../scripts/dev-oidc/provider";
import { fetchAccessToken, runAuthorizationCodeFlow } from "../scripts/dev-oidc/token-flow";

const AUDIENCE = "urn:one:api";
const APP_URL = "http://localhost:3000";
const DASHBOARD = { clientId: "one-dashboard", clientSecret: "dashboard-test-secret" };

let directory: string;
let options: DevOidcProviderOptions;
let provider: DevOidcProvider;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "dev-oidc-test-"));
  options = { port: 0, appUrl: APP_URL, audience: AUDIENCE, keysFile: join(directory, "keys.json"), ...DASHBOARD };
  provider = await startDevOidcProvider(options);
});

afterAll(async () => {
  await provider?.close();
  await rm(directory, { recursive: true, force: true });
});

function verifyAccessToken(token: string, issuer = provider.issuer) {
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  return jwtVerify(token, jwks, { issuer, audience: AUDIENCE, typ: "at+jwt" });
}

describe("access tokens for the REST API", () => {
  it("gives the owner a JWT for the API audience that verifies against the provider's JWKS", async () => {
    const token = await fetchAccessToken({ issuer: provider.issuer, email: "owner@example.com", password: "password", audience: AUDIENCE });

    const { payload, protectedHeader } = await verifyAccessToken(token);
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload.sub).toBe("demo-owner");
    expect(payload.aud).toBe(AUDIENCE);
  });

  it("refuses a wrong password with a message that says so, without echoing the password", async () => {
    const error = await fetchAccessToken({
      issuer: provider.issuer,
      email: "owner@example.com",
      password: "not-the-password",
      audience: AUDIENCE,
    }).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/wrong email or password/i);
    expect(String(error)).not.toContain("not-the-password");
  });

  it("refuses an unknown email the same way", async () => {
    const attempt = fetchAccessToken({ issuer: provider.issuer, email: "nobody@example.com", password: "password", audience: AUDIENCE });

    await expect(attempt).rejects.toThrow(/wrong email or password/i);
  });
});

describe("dashboard sign-in (what Auth.js does)", () => {
  it("completes code + PKCE for the confidential client with client_secret_basic and returns an RS256 ID token with email and name", async () => {
    // No `resource` parameter, like Auth.js: the access token must still be an API JWT.
    const tokens = await runAuthorizationCodeFlow({
      issuer: provider.issuer,
      email: "admin@example.com",
      password: "password",
      ...DASHBOARD,
      redirectUri: `${APP_URL}/api/auth/callback/oidc`,
    });

    expect(tokens.id_token).toBeDefined();
    const jwks = createRemoteJWKSet(new URL(`${provider.issuer}/jwks`));
    const idToken = await jwtVerify(tokens.id_token ?? "", jwks, {
      issuer: provider.issuer,
      audience: DASHBOARD.clientId,
      algorithms: ["RS256"],
    });
    expect(idToken.payload).toMatchObject({ sub: "demo-admin", email: "admin@example.com", email_verified: true, name: "Adam Admin" });

    const accessToken = await verifyAccessToken(tokens.access_token);
    expect(accessToken.payload.sub).toBe("demo-admin");
  });

  it("refuses an authorization request without PKCE", async () => {
    const url = new URL(`${provider.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: DASHBOARD.clientId,
      response_type: "code",
      redirect_uri: `${APP_URL}/api/auth/callback/oidc`,
      scope: "openid email profile",
      state: "s",
    }).toString();

    const response = await fetch(url, { redirect: "manual" });

    const location = new URL(response.headers.get("location") ?? "", url);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("error_description")).toMatch(/PKCE/);
  });
});

describe("sign-in page", () => {
  it("has a heading and Email and Password fields with labels", async () => {
    const { html } = await openSignInPage();

    expect(html).toContain("<h1>Sign in</h1>");
    expect(html).toMatch(/<label for="email">Email<\/label>\s*<input id="email" name="email" type="email"/);
    expect(html).toMatch(/<label for="password">Password<\/label>\s*<input id="password" name="password" type="password"/);
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).not.toContain('role="alert"');
  });

  it("shows an alert after wrong credentials and keeps the typed email, escaped", async () => {
    const { url, cookie } = await openSignInPage();
    const typed = '<b>"owner"</b>@example.com';

    const response = await fetch(url, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: typed, password: "wrong" }),
      redirect: "manual",
    });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('<p id="sign-in-error" class="alert" role="alert">Wrong email or password.</p>');
    expect(html).toContain('value="&lt;b&gt;&quot;owner&quot;&lt;/b&gt;@example.com"');
    expect(html).not.toContain("<b>");
  });

  // Follows the authorization request to the form, carrying the interaction cookie.
  async function openSignInPage(): Promise<{ url: URL; cookie: string; html: string }> {
    const verifier = randomBytes(32).toString("base64url");
    const authorize = new URL(`${provider.issuer}/auth`);
    authorize.search = new URLSearchParams({
      client_id: "one-cli",
      response_type: "code",
      redirect_uri: "http://127.0.0.1/oauth-token/callback",
      scope: "openid email profile",
      state: "s",
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
    }).toString();
    const redirect = await fetch(authorize, { redirect: "manual" });
    const url = new URL(redirect.headers.get("location") ?? "", authorize);
    expect(url.pathname).toMatch(/^\/interaction\//);
    const cookie = redirect.headers
      .getSetCookie()
      .map((header) => header.split(";")[0])
      .join("; ");

    const page = await fetch(url, { headers: { cookie } });
    expect(page.status).toBe(200);
    return { url, cookie, html: await page.text() };
  }
});

describe("signing keys", () => {
  it("are kept in a keys file only the owner can read", async () => {
    const { mode } = await stat(options.keysFile);

    expect(mode & 0o777).toBe(0o600);
  });

  it("survive a restart: a token issued before still verifies against the JWKS after", async () => {
    const token = await fetchAccessToken({
      issuer: provider.issuer,
      email: "member@example.com",
      password: "password",
      audience: AUDIENCE,
    });
    const publicKeysBefore = await publicKeys();
    const issuerBefore = provider.issuer;

    await provider.close();
    provider = await startDevOidcProvider({ ...options, port: Number(new URL(issuerBefore).port) });

    expect(provider.issuer).toBe(issuerBefore);
    expect(await publicKeys()).toEqual(publicKeysBefore);
    const { payload } = await verifyAccessToken(token);
    expect(payload.sub).toBe("demo-member");
  });

  async function publicKeys(): Promise<unknown> {
    const response = await fetch(`${provider.issuer}/jwks`);
    return response.json();
  }
});
