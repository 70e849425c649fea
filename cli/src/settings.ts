// Where the API and the identity provider are. `one login` takes them from its flags, then
// the environment, then the local defaults (`npm start`), and keeps them with the credentials;
// ONE_API_URL overrides the saved API URL for any command.

export interface Settings {
  /** The app's URL, without /api/v1, e.g. https://one.example.com. */
  apiUrl: string;
  /** The OpenID provider's issuer URL. */
  issuer: string;
  /** The CLI's public client id at the provider. */
  clientId: string;
  /** The `resource` (audience) of access tokens for the API. */
  audience: string;
}

export const DEFAULT_SETTINGS: Settings = {
  apiUrl: "http://localhost:3000",
  issuer: "http://127.0.0.1:9400",
  clientId: "one-cli",
  audience: "urn:one:api",
};

export function loginSettings(flags: { apiUrl?: string; issuer?: string; clientId?: string; audience?: string }): Settings {
  const env = process.env;
  return {
    apiUrl: trimSlash(flags.apiUrl ?? env.ONE_API_URL ?? DEFAULT_SETTINGS.apiUrl),
    issuer: trimSlash(flags.issuer ?? env.ONE_OIDC_ISSUER ?? DEFAULT_SETTINGS.issuer),
    clientId: flags.clientId ?? env.ONE_OIDC_CLIENT_ID ?? DEFAULT_SETTINGS.clientId,
    audience: flags.audience ?? env.ONE_OIDC_AUDIENCE ?? DEFAULT_SETTINGS.audience,
  };
}

export const apiBasePath = (apiUrl: string) => `${trimSlash(apiUrl)}/api/v1`;

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
