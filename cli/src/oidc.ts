// Signing in at the OpenID provider with openid-client: the device authorization grant (works
// over SSH and in containers), or, where a browser is at hand, the authorization-code flow
// with PKCE and a loopback redirect to 127.0.0.1 on a free port. Both ask for a refresh token
// (offline_access); access tokens are JWTs for the API's audience (`resource`). Refresh tokens
// rotate: each refresh saves the new one.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as oidc from "openid-client";
import type { Credentials } from "./credentials.js";
import { CliError, EXIT } from "./exit-codes.js";
import type { Settings } from "./settings.js";

const SCOPE = "openid email profile offline_access";
const LOOPBACK_TIMEOUT_MS = 5 * 60_000;

type Tokens = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

async function providerConfiguration(settings: Settings): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === "http:";
  if (insecure && !["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname)) {
    throw new CliError(
      `The identity provider ${settings.issuer} must use https (plain http is only for 127.0.0.1 and localhost).`,
      EXIT.badInput,
    );
  }
  try {
    return await oidc.discovery(
      issuer,
      settings.clientId,
      undefined,
      oidc.None(),
      insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
  } catch (error) {
    throw new CliError(`Cannot reach the identity provider at ${settings.issuer} (${describe(error)}).`, EXIT.unavailable, [
      "Is `npm start` running? Elsewhere, pass --issuer or set ONE_OIDC_ISSUER.",
    ]);
  }
}

export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string | null;
  expiresInSeconds: number;
}

/** The device flow: `show` tells the person where to go; resolves once they approved. */
export async function deviceLogin(settings: Settings, show: (prompt: DeviceCodePrompt) => () => void): Promise<Credentials> {
  const config = await providerConfiguration(settings);
  const device = await oidc
    .initiateDeviceAuthorization(config, { scope: SCOPE, resource: settings.audience })
    .catch(rethrow("start the device sign-in"));
  const stop = show({
    userCode: device.user_code,
    verificationUri: device.verification_uri,
    verificationUriComplete: device.verification_uri_complete ?? null,
    expiresInSeconds: device.expires_in,
  });
  try {
    const tokens = await oidc
      .pollDeviceAuthorizationGrant(config, device, { resource: settings.audience })
      .catch(rethrow("finish the device sign-in"));
    return credentialsFrom(settings, tokens, null);
  } finally {
    stop();
  }
}

/** The loopback flow: `show` gets the URL to open (and opens a browser when asked). */
export async function loopbackLogin(settings: Settings, show: (url: string) => void): Promise<Credentials> {
  const config = await providerConfiguration(settings);
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    resource: settings.audience,
    // Providers drop offline_access (no refresh token) unless consent is asked for.
    prompt: "consent",
  });
  try {
    const tokens = await new Promise<Tokens>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new CliError("Sign-in timed out: nothing came back from the browser in 5 minutes.", EXIT.notSignedIn)),
        LOOPBACK_TIMEOUT_MS,
      );
      server.on("request", (request, response) => {
        const current = new URL(request.url ?? "/", redirectUri);
        if (current.pathname !== "/callback") return void response.writeHead(404).end();
        oidc
          .authorizationCodeGrant(config, current, { pkceCodeVerifier: verifier, expectedState: state }, { resource: settings.audience })
          .then(
            (tokens) => {
              response
                .writeHead(200, { "Content-Type": "text/plain; charset=utf-8" })
                .end("Signed in. You can close this page and go back to your terminal.\n");
              resolve(tokens);
            },
            (error: unknown) => {
              response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Sign-in failed. Go back to your terminal.\n");
              reject(new CliError(`Sign-in failed (${describe(error)}).`, EXIT.notSignedIn));
            },
          )
          .finally(() => clearTimeout(timer));
      });
      show(url.href);
    });
    return credentialsFrom(settings, tokens, null);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/** Opens a URL in the person's browser, if there is one; silently does nothing otherwise. */
export function openBrowser(url: string): void {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    spawn(command, [url], { stdio: "ignore", detached: true })
      .on("error", () => {})
      .unref();
  } catch {
    // No browser: the URL is printed anyway.
  }
}

/** New tokens from the refresh token (which rotates); the caller saves the result. */
export async function refresh(credentials: Credentials): Promise<Credentials> {
  if (!credentials.refreshToken) throw new CliError("Your session has expired.", EXIT.notSignedIn, ["Run `one login` to sign in again."]);
  const config = await providerConfiguration(credentials);
  const tokens = await oidc
    .refreshTokenGrant(config, credentials.refreshToken, { resource: credentials.audience })
    .catch((error: unknown) => {
      if (error instanceof oidc.ResponseBodyError) {
        throw new CliError(`Your session has ended (${error.error}).`, EXIT.notSignedIn, ["Run `one login` to sign in again."]);
      }
      throw rethrow("refresh the session")(error);
    });
  return credentialsFrom(credentials, tokens, credentials);
}

/** Revokes the refresh token (and so the grant) at the provider, where it supports revocation. */
export async function revoke(credentials: Credentials): Promise<boolean> {
  const config = await providerConfiguration(credentials);
  if (!config.serverMetadata().revocation_endpoint) return false;
  if (credentials.refreshToken) await oidc.tokenRevocation(config, credentials.refreshToken, { token_type_hint: "refresh_token" });
  await oidc.tokenRevocation(config, credentials.accessToken, { token_type_hint: "access_token" }).catch(() => {});
  return true;
}

function credentialsFrom(settings: Settings, tokens: Tokens, previous: Credentials | null): Credentials {
  const claims = tokens.claims();
  return {
    apiUrl: settings.apiUrl,
    issuer: settings.issuer,
    clientId: settings.clientId,
    audience: settings.audience,
    accessToken: tokens.access_token,
    accessTokenExpiresAt: Date.now() + (tokens.expiresIn() ?? 300) * 1000,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? null,
    user: claims
      ? {
          sub: claims.sub,
          email: typeof claims.email === "string" ? claims.email : null,
          name: typeof claims.name === "string" ? claims.name : null,
        }
      : (previous?.user ?? { sub: "", email: null, name: null }),
  };
}

function rethrow(doing: string) {
  return (error: unknown): never => {
    if (error instanceof CliError) throw error;
    if (error instanceof oidc.ResponseBodyError) {
      const code =
        error.error === "expired_token" ? "the code expired" : error.error === "access_denied" ? "it was cancelled" : error.error;
      throw new CliError(`Could not ${doing}: ${code}.`, EXIT.notSignedIn, ["Run `one login` to try again."]);
    }
    throw new CliError(`Could not ${doing} (${describe(error)}).`, EXIT.unavailable);
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}
