// Who the CLI calls the API as: an API key from ONE_API_KEY (for tasks, in CI), or the signed-in
// user, whose access token is refreshed (and the rotated refresh token saved) when it is about
// to expire. Every API call goes through `api()`, which turns ApiErrors into CliErrors.
import { ApiError, Configuration } from "@onehorizon/sdk-js";
import { readCredentials, writeCredentials, type Credentials } from "./credentials.js";
import { CliError, EXIT, fromApiError } from "./exit-codes.js";
import { refresh } from "./oidc.js";
import { apiBasePath, DEFAULT_SETTINGS } from "./settings.js";

const REFRESH_MARGIN_MS = 60_000;

export interface Session {
  configuration: Configuration;
  /** Shown with a 403: who the API saw. */
  signedInAs: string;
}

export function requireCredentials(): Credentials {
  const credentials = readCredentials();
  if (!credentials) throw new CliError("You are not signed in.", EXIT.notSignedIn, ["Run `one login` to sign in."]);
  return credentials;
}

/** A valid access token, refreshed first when it expires within a minute. */
export async function freshAccessToken(): Promise<string> {
  let credentials = requireCredentials();
  if (credentials.accessTokenExpiresAt - Date.now() < REFRESH_MARGIN_MS) {
    credentials = await refresh(credentials);
    writeCredentials(credentials);
  }
  return credentials.accessToken;
}

export function session(): Session {
  const apiKey = process.env.ONE_API_KEY;
  const credentials = apiKey ? null : requireCredentials();
  const apiUrl = process.env.ONE_API_URL ?? credentials?.apiUrl ?? DEFAULT_SETTINGS.apiUrl;
  return {
    configuration: new Configuration({
      basePath: apiBasePath(apiUrl),
      accessToken: apiKey ?? freshAccessToken,
      headers: { "User-Agent": "one-cli/0.1.0" },
    }),
    signedInAs: apiKey ? "the API key in ONE_API_KEY" : (credentials!.user.email ?? credentials!.user.sub),
  };
}

/** Runs one SDK call; its ApiError becomes the CliError with the matching exit code. */
export async function api<T>(current: Session, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw fromApiError(error, { signedInAs: current.signedInAs });
    throw error;
  }
}
