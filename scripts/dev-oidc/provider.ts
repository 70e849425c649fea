// Local development OpenID provider (oidc-provider 9) for `npm start` and the tests.
// It signs in the demo accounts of prisma/demo-accounts.ts with a small form of our own,
// and issues RS256 ID tokens to the dashboard and RS256 JWT access tokens (typ at+jwt)
// for the REST API, which verifies them with jose against {issuer}/jwks.
//
// Choices that are not obvious:
// - Consent is granted automatically: both clients are first-party.
// - Sign-out (/session/end) ends the provider's session too, without asking again.
// - `conformIdTokenClaims: false` puts email and name into the ID token. Auth.js builds the
//   profile from the ID token alone, and the userinfo endpoint would refuse our access
//   tokens anyway (they are for the API audience, not for userinfo).
// - `useGrantedResource: () => true`: Auth.js does not resend `resource` to the token
//   endpoint; without this the access token comes back opaque instead of a JWT.
// - State (sessions, codes, grants) lives in memory and is lost on restart; the signing and
//   cookie keys live in `keysFile`, so tokens and cookies stay valid across restarts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { errors, type Configuration, type Interaction } from "oidc-provider";
import { DEMO_ACCOUNTS } from "../../prisma/demo-accounts";
import { loadOrCreateKeys } from "./keys";
import { deviceCodeInputPage, deviceConfirmPage, deviceSuccessPage, errorPage, signInPage, signOutPage } from "./pages";

export interface DevOidcProviderOptions {
  /** 0 picks a free port; the issuer then names the port actually used. */
  port: number;
  /** Interface to bind to, default 127.0.0.1. */
  host?: string;
  /** Base URL of the dashboard, e.g. http://localhost:3000. */
  appUrl: string;
  clientId: string;
  clientSecret: string;
  /** Resource indicator of the REST API; the `aud` of access tokens, e.g. urn:one:api. */
  audience: string;
  /** JSON file with the private signing keys; created on first start, reused after. */
  keysFile: string;
}

export interface DevOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

const CLI_CLIENT_ID = "one-cli";
const CLI_REDIRECT_URI = "http://127.0.0.1/oauth-token/callback";
/** The `one` CLI's loopback redirect: any port on 127.0.0.1 (a native client), this path. */
const CLI_LOOPBACK_REDIRECT_URI = "http://127.0.0.1/callback";
const API_SCOPE = "api";
const MAX_FORM_BYTES = 16 * 1024;

export async function startDevOidcProvider(options: DevOidcProviderOptions): Promise<DevOidcProvider> {
  const host = options.host ?? "127.0.0.1";
  const keys = await loadOrCreateKeys(options.keysFile);

  const server = createServer();
  await listen(server, options.port, host);
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  let provider: Provider;
  try {
    provider = new Provider(issuer, configuration(options, keys.jwks, keys.cookieKeys));
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  provider.on("server_error", (ctx: { path: string }, error: Error) => {
    console.error(`dev-oidc: server error on ${ctx.path}: ${error.message}`);
  });

  const providerCallback = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith("/interaction/")) {
      handleInteraction(provider, req, res).catch((error: unknown) => {
        console.error(`dev-oidc: sign-in page failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) sendHtml(res, 500, errorPage("Something went wrong", "Go back to the app and sign in again."));
        else res.destroy();
      });
      return;
    }
    void providerCallback(req, res);
  });

  return { issuer, close: () => closeServer(server) };
}

function configuration(options: DevOidcProviderOptions, jwks: Configuration["jwks"], cookieKeys: string[]): Configuration {
  const appUrl = options.appUrl.replace(/\/+$/, "");
  return {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        client_name: "One dashboard",
        token_endpoint_auth_method: "client_secret_basic",
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [`${appUrl}/signed-out`],
      },
      {
        // The `one` CLI (cli/), a native public client: the device flow, or the loopback
        // redirect with PKCE on any port of 127.0.0.1; refresh tokens rotate on every use.
        // scripts/oauth-token.ts uses it too, with a redirect URI that is never served (it
        // reads the code from the Location header of the last redirect).
        client_id: CLI_CLIENT_ID,
        client_name: "One CLI",
        application_type: "native",
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "urn:ietf:params:oauth:grant-type:device_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [CLI_REDIRECT_URI, CLI_LOOPBACK_REDIRECT_URI],
      },
    ],
    jwks,
    cookies: { keys: cookieKeys },
    findAccount: (_ctx, id) => {
      const account = DEMO_ACCOUNTS.find((candidate) => candidate.subject === id);
      if (!account) return undefined;
      return {
        accountId: account.subject,
        claims: () => ({ sub: account.subject, email: account.email, email_verified: true, name: account.name }),
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Refresh tokens for clients allowed the grant (the CLI), with or without offline_access.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      deviceFlow: {
        enabled: true,
        userCodeInputSource: async (ctx, form, _out, error) => {
          ctx.type = "html";
          const problem = !error
            ? null
            : error.name === "AbortedError"
              ? "Sign-in was cancelled. Start again from your terminal."
              : "That code is not valid or has expired. Check the code in your terminal.";
          ctx.body = deviceCodeInputPage(form, problem);
        },
        userCodeConfirmSource: async (ctx, form, client, _deviceInfo, userCode) => {
          ctx.type = "html";
          ctx.body = deviceConfirmPage(form, client.clientName ?? client.clientId, userCode);
        },
        successSource: async (ctx) => {
          ctx.type = "html";
          ctx.body = deviceSuccessPage();
        },
      },
      // Signing out of the app ends the session here too (RP-initiated logout). The provider's
      // confirmation step is submitted at once with logout=yes: the person already chose to sign out.
      rpInitiatedLogout: { enabled: true, logoutSource: (ctx, form) => void (ctx.body = signOutPage(form)) },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== options.audience) throw new errors.InvalidTarget();
          return { scope: API_SCOPE, audience: options.audience, accessTokenFormat: "jwt", accessTokenTTL: 60 * 60 };
        },
        useGrantedResource: () => true,
      },
    },
    // Explicit values keep oidc-provider from printing "you SHOULD change it" notices.
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: 14 * 24 * 60 * 60,
      Grant: 14 * 24 * 60 * 60,
      DeviceCode: 10 * 60,
      RefreshToken: 14 * 24 * 60 * 60,
    },
    clientBasedCORS: () => false,
    renderError: (ctx, out) => {
      ctx.type = "html";
      const description = typeof out.error_description === "string" ? `${out.error_description} ` : "";
      ctx.body = errorPage("Sign-in failed", `${description}(${String(out.error)}). Go back to the app and try again.`);
    },
  };
}

// GET shows the form (or grants consent straight away); POST checks the credentials.
async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let interaction: Interaction;
  try {
    interaction = await provider.interactionDetails(req, res);
  } catch (error) {
    if (error instanceof errors.SessionNotFound) {
      sendHtml(res, 400, errorPage("Sign-in expired", "This sign-in link is no longer valid. Go back to the app and sign in again."));
      return;
    }
    throw error;
  }
  const action = `/interaction/${interaction.uid}`;

  if (interaction.prompt.name === "consent") {
    await grantConsent(provider, interaction, req, res);
    return;
  }
  if (interaction.prompt.name !== "login") {
    sendHtml(res, 400, errorPage("Sign-in failed", "This sign-in step is not supported. Go back to the app and try again."));
    return;
  }

  if (req.method === "GET") {
    const loginHint = typeof interaction.params.login_hint === "string" ? interaction.params.login_hint : "";
    sendHtml(res, 200, signInPage({ action, email: loginHint, wrongCredentials: false }));
    return;
  }
  if (req.method !== "POST") {
    res.writeHead(405, { Allow: "GET, POST" }).end();
    return;
  }

  const form = await readForm(req);
  const email = (form.get("email") ?? "").trim();
  const password = form.get("password") ?? "";
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === email.toLowerCase());
  if (!account || account.password !== password) {
    sendHtml(res, 200, signInPage({ action, email, wrongCredentials: true }));
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: account.subject } }, { mergeWithLastSubmission: false });
}

// Grants whatever the first-party client asked for, as a person clicking "Allow" would.
async function grantConsent(provider: Provider, interaction: Interaction, req: IncomingMessage, res: ServerResponse) {
  const accountId = interaction.session?.accountId;
  const clientId = String(interaction.params.client_id);
  const grant =
    (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });

  const details = interaction.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(" "));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(" "));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_FORM_BYTES) throw new Error("sign-in form too large");
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    // No form-action: after signing in, the browser follows redirects to the app's origin.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(html);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Browsers and fetch keep connections open; without this close() waits for them.
    server.closeAllConnections();
  });
}
