// one login | logout | whoami | token
import { readCredentials, removeCredentials, writeCredentials } from "../credentials.js";
import { CliError, EXIT } from "../exit-codes.js";
import { deviceLogin, loopbackLogin, openBrowser, revoke, type DeviceCodePrompt } from "../oidc.js";
import { json, out, say } from "../output.js";
import { MeApi } from "@onehorizon/sdk-js";
import { api, freshAccessToken, requireCredentials, session } from "../session.js";
import { loginSettings } from "../settings.js";
import { JSON_FLAG, type Command } from "./types.js";

export const login: Command = {
  name: "login",
  summary: "Sign in: a code to approve in any browser (default), or --web for a browser on this machine",
  options: [
    ["--web", "sign in with a browser on this machine (a loopback redirect with PKCE)"],
    ["--no-browser", "with --web: print the sign-in URL instead of opening a browser"],
    ["--api-url <url>", "the app (default: ONE_API_URL, or http://localhost:3000)"],
    ["--issuer <url>", "the OpenID provider (default: ONE_OIDC_ISSUER, or the local one)"],
    ["--client-id <id>", "the CLI's client id at the provider (default: one-cli)"],
    ["--audience <aud>", "the access tokens' resource (default: urn:one:api)"],
  ],
  examples: ["one login", "one login --web", "one login --api-url https://one.example.com --issuer https://login.example.com"],
  run: async ({ flags }) => {
    const settings = loginSettings(flags);
    const credentials = flags.web
      ? await loopbackLogin(settings, (url) => {
          say(`Open this page to sign in:\n  ${url}`);
          if (flags.browser !== false) openBrowser(url);
          say("Waiting for the browser…");
        })
      : await deviceLogin(settings, showDeviceCode);
    writeCredentials(credentials);
    say(`Signed in as ${credentials.user.email ?? credentials.user.sub} at ${credentials.apiUrl}.`);
  },
};

// Where to go and which code to enter, then a progress line until the code is approved.
function showDeviceCode(prompt: DeviceCodePrompt): () => void {
  say(`To sign in, open ${prompt.verificationUri} in a browser and enter the code:\n\n  ${prompt.userCode}\n`);
  if (prompt.verificationUriComplete) say(`(or open ${prompt.verificationUriComplete})`);
  const deadline = Date.now() + prompt.expiresInSeconds * 1000;
  if (!process.stderr.isTTY) {
    say("Waiting for the code to be approved…");
    return () => {};
  }
  const frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
  let frame = 0;
  const timer = setInterval(() => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    process.stderr.write(
      `\r${frames[frame++ % frames.length]} Waiting for the code to be approved (expires in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")})`,
    );
  }, 120);
  return () => {
    clearInterval(timer);
    process.stderr.write("\r\x1b[2K");
  };
}

export const logout: Command = {
  name: "logout",
  summary: "Sign out: revoke the session at the identity provider and forget it here",
  examples: ["one logout"],
  run: async () => {
    const credentials = readCredentials();
    if (!credentials) return say("You were not signed in.");
    let revoked = false;
    try {
      revoked = await revoke(credentials);
    } catch (error) {
      say(
        `Could not revoke the session at ${credentials.issuer} (${error instanceof Error ? error.message : String(error)}); it ends when it expires.`,
      );
    }
    removeCredentials();
    say(
      revoked
        ? "Signed out; the session was revoked."
        : "Signed out here; the identity provider does not support revocation, so the session ends when it expires.",
    );
  },
};

export const whoami: Command = {
  name: "whoami",
  summary: "Who the API sees: you and your current workspace, or the API key in ONE_API_KEY with its permissions and expiry",
  options: [JSON_FLAG],
  examples: ["one whoami", "ONE_API_KEY=one_… one whoami --json"],
  run: async ({ flags }) => {
    const current = session(); // without ONE_API_KEY: fails (exit 3) when nobody is signed in
    const me = await api(current, () => new MeApi(current.configuration).getMe());
    if (flags.json && me.type === "apiKey") return json(me);
    if (me.type === "apiKey") {
      const { key, workspace } = me;
      out(`API key "${key.description}" (${key.hint}) of workspace ${workspace.name}`);
      say(`Permissions: ${key.permissions ? key.permissions.join(", ") : "full access"}`);
      say(`Expires: ${key.expiresAt ?? "never"}\nStatus: ${key.status}`);
      return;
    }
    const { user, apiUrl, issuer } = requireCredentials();
    if (flags.json) return json({ ...me, email: user.email, name: user.name, subject: user.sub, apiUrl, issuer });
    out(`${me.user.email}${me.user.name ? ` (${me.user.name})` : ""}`);
    say(me.workspace ? `Workspace: ${me.workspace.name} (${me.workspace.role?.toLowerCase()})` : "Workspace: none");
    say(`API: ${apiUrl}\nIdentity provider: ${issuer}`);
  },
};

export const token: Command = {
  name: "token",
  summary: "Print an access token for the REST API (refreshed when needed)",
  examples: ["ONE_TOKEN=$(one token)", 'curl -H "Authorization: Bearer $(one token)" http://localhost:3000/api/v1/workspaces'],
  run: async () => {
    if (!readCredentials()) throw new CliError("You are not signed in.", EXIT.notSignedIn, ["Run `one login` to sign in."]);
    out(await freshAccessToken());
  },
};
