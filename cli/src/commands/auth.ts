// one login | logout | whoami | token
import { readCredentials, removeCredentials, writeCredentials } from "../credentials.js";
import { CliError, EXIT } from "../exit-codes.js";
import { deviceLogin, loopbackLogin, openBrowser, revoke, type DeviceCodePrompt } from "../oidc.js";
import { json, out, say } from "../output.js";
import { freshAccessToken, requireCredentials } from "../session.js";
import { loginSettings } from "../settings.js";
import type { Command } from "./types.js";

export const login: Command = {
  usage: "one login [--web [--no-browser]] [--api-url URL] [--issuer URL] [--client-id ID] [--audience AUD]",
  summary: "Sign in: a code to approve in any browser (default), or --web for a browser on this machine",
  run: async ({ flags }) => {
    const settings = loginSettings(flags);
    const credentials = flags.web
      ? await loopbackLogin(settings, (url) => {
          say(`Open this page to sign in:\n  ${url}`);
          if (!flags["no-browser"]) openBrowser(url);
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
  usage: "one logout",
  summary: "Sign out: revoke the session at the identity provider and forget it here",
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
  usage: "one whoami [--json]",
  summary: "Who you are signed in as, and where",
  run: async ({ flags }) => {
    await freshAccessToken(); // fails (exit 3) when the session has ended
    const { user, apiUrl, issuer } = requireCredentials();
    if (flags.json) return json({ email: user.email, name: user.name, subject: user.sub, apiUrl, issuer });
    out(`${user.email ?? user.sub}${user.name ? ` (${user.name})` : ""}`);
    say(`API: ${apiUrl}\nIdentity provider: ${issuer}`);
  },
};

export const token: Command = {
  usage: "one token",
  summary: "Print an access token for the REST API (refreshed when needed), e.g. ONE_TOKEN=$(one token)",
  run: async () => {
    if (!readCredentials()) throw new CliError("You are not signed in.", EXIT.notSignedIn, ["Run `one login` to sign in."]);
    out(await freshAccessToken());
  },
};
