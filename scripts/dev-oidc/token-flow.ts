// Signs a demo account in at the local OpenID provider without a browser: the real
// authorization-code + PKCE flow over plain HTTP, filling in its sign-in form.
// Used by scripts/oauth-token.ts and the tests. It only understands our own sign-in page
// (scripts/dev-oidc/pages.ts), so it is for the local provider, not for real ones.
// Errors name the status and URL (without query string), never a code, token or password.
import { createHash, randomBytes } from "node:crypto";

export interface AuthorizationCodeFlowOptions {
  issuer: string;
  email: string;
  password: string;
  /** Resource indicator sent as `resource`; the provider's default applies when absent. */
  audience?: string;
  /** Default "one-cli", the public client. */
  clientId?: string;
  /** Set for a confidential client: then it authenticates with client_secret_basic. */
  clientSecret?: string;
  /** Default http://127.0.0.1/oauth-token/callback, the CLI client's redirect URI. */
  redirectUri?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  id_token?: string;
  scope?: string;
}

/** Thrown when nothing answers at the issuer URL (connection refused, timeout, DNS). */
export class ProviderUnreachableError extends Error {}

const DEFAULT_CLIENT_ID = "one-cli";
const DEFAULT_REDIRECT_URI = "http://127.0.0.1/oauth-token/callback";
const MAX_REDIRECTS = 10;
const TIMEOUT_MS = 10_000;

export async function fetchAccessToken(options: AuthorizationCodeFlowOptions): Promise<string> {
  return (await runAuthorizationCodeFlow(options)).access_token;
}

export async function runAuthorizationCodeFlow(options: AuthorizationCodeFlowOptions): Promise<TokenResponse> {
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const redirectUri = options.redirectUri ?? DEFAULT_REDIRECT_URI;
  const jar = new CookieJar();

  const metadata = await discover(options.issuer);

  const state = randomBytes(16).toString("base64url");
  const codeVerifier = randomBytes(32).toString("base64url");
  const authorizationUrl = new URL(metadata.authorization_endpoint);
  authorizationUrl.search = new URLSearchParams({
    client_id: clientId,
    response_type: "code",
    redirect_uri: redirectUri,
    scope: "openid email profile",
    state,
    code_challenge: createHash("sha256").update(codeVerifier).digest("base64url"),
    code_challenge_method: "S256",
    ...(options.audience ? { resource: options.audience } : {}),
  }).toString();

  // Authorization endpoint → redirects → our sign-in form.
  let step = await followRedirects(jar, await send(jar, authorizationUrl), redirectUri);
  if (step.kind === "page") {
    const form = await step.response.text();
    if (!form.includes('name="password"')) throw unexpected(step.response, "expected the sign-in form");
    const response = await send(jar, formAction(form, step.response.url), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: options.email, password: options.password }).toString(),
    });
    step = await followRedirects(jar, response, redirectUri);
    if (step.kind === "page") {
      const page = await step.response.text();
      if (page.includes('role="alert"')) throw new Error(`Wrong email or password for ${options.email}.`);
      throw unexpected(step.response, "expected a redirect after signing in");
    }
  }

  const callback = step.location.searchParams;
  if (callback.get("error")) {
    const description = callback.get("error_description");
    throw new Error(`The provider refused the sign-in: ${callback.get("error")}${description ? ` (${description})` : ""}`);
  }
  if (callback.get("state") !== state) throw new Error("The provider redirected back with the wrong state.");
  const code = callback.get("code");
  if (!code) throw new Error("The provider redirected back without an authorization code.");

  return exchangeCode(metadata.token_endpoint, { code, codeVerifier, clientId, clientSecret: options.clientSecret, redirectUri });
}

async function discover(issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const url = new URL(`${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new ProviderUnreachableError(`Cannot reach the OpenID provider at ${issuer}.`, { cause: error });
  }
  if (!response.ok) throw unexpected(response, "expected the OpenID discovery document");
  const metadata = (await response.json()) as { authorization_endpoint?: unknown; token_endpoint?: unknown };
  if (typeof metadata.authorization_endpoint !== "string" || typeof metadata.token_endpoint !== "string") {
    throw new Error(`The discovery document at ${url.href} lacks the authorization or token endpoint.`);
  }
  return { authorization_endpoint: metadata.authorization_endpoint, token_endpoint: metadata.token_endpoint };
}

type Step = { kind: "page"; response: Response } | { kind: "callback"; location: URL };

// Follows redirects by hand (to carry cookies) until a page, or until the redirect to
// redirectUri, which is not fetched: its query carries the code.
async function followRedirects(jar: CookieJar, first: Response, redirectUri: string): Promise<Step> {
  let response = first;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || location === null) {
      if (response.status !== 200) throw unexpected(response);
      return { kind: "page", response };
    }
    await response.arrayBuffer();
    const next = new URL(location, response.url);
    if (`${next.origin}${next.pathname}` === redirectUri) return { kind: "callback", location: next };
    // The jar holds the provider's cookies: never send them anywhere else.
    if (next.origin !== new URL(first.url).origin) throw new Error(`Unexpected redirect to ${withoutQuery(next.href)}.`);
    response = await send(jar, next);
  }
  throw new Error(`Too many redirects, last at ${withoutQuery(response.url)}.`);
}

async function exchangeCode(
  tokenEndpoint: string,
  grant: { code: string; codeVerifier: string; clientId: string; clientSecret?: string; redirectUri: string },
): Promise<TokenResponse> {
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code: grant.code,
    code_verifier: grant.codeVerifier,
    redirect_uri: grant.redirectUri,
  });
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (grant.clientSecret === undefined) {
    body.set("client_id", grant.clientId);
  } else {
    // client_secret_basic: both parts form-encoded first (RFC 6749, section 2.3.1).
    const credentials = `${formEncode(grant.clientId)}:${formEncode(grant.clientSecret)}`;
    headers.Authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
  }
  const response = await fetch(tokenEndpoint, { method: "POST", headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const json = (await response.json().catch(() => ({}))) as Partial<TokenResponse> & { error?: string };
  if (!response.ok || typeof json.access_token !== "string") {
    throw unexpected(response, json.error ? `token endpoint error "${json.error}"` : "expected an access token");
  }
  return json as TokenResponse;
}

function send(jar: CookieJar, url: URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie) headers.set("Cookie", cookie);
  return fetch(url, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) }).then((response) => {
    jar.store(response.headers.getSetCookie());
    return response;
  });
}

function formAction(html: string, pageUrl: string): URL {
  const action = /<form\b[^>]*\baction="([^"]*)"/i.exec(html)?.[1]?.replaceAll("&amp;", "&");
  return new URL(action || pageUrl, pageUrl);
}

function formEncode(value: string): string {
  return encodeURIComponent(value).replaceAll("%20", "+");
}

function unexpected(response: Response, expectation?: string): Error {
  const detail = expectation ? `; ${expectation}` : "";
  return new Error(`Unexpected response ${response.status} from ${withoutQuery(response.url)}${detail}.`);
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

// The smallest cookie jar the flow needs: all requests go to the one provider origin, so
// cookies are kept by name, ignoring Path and Domain. A Set-Cookie that expires one removes it.
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(setCookieHeaders: string[]): void {
    for (const header of setCookieHeaders) {
      const [pair = "", ...attributes] = header.split(";");
      const separator = pair.indexOf("=");
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === "" || attributes.some(isExpiry)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

function isExpiry(attribute: string): boolean {
  const [name = "", value = ""] = attribute.split("=").map((part) => part.trim());
  if (name.toLowerCase() === "max-age") return Number(value) <= 0;
  if (name.toLowerCase() === "expires") return Date.parse(value) <= Date.now();
  return false;
}
