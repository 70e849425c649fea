// `npm run --silent oauth-token -- <email> [--password <password>]`
// Prints an OAuth access token (a JWT for the REST API) for a demo account of the local
// OpenID provider that `npm start` runs, by going through the real authorization-code +
// PKCE flow. Only the token goes to stdout, so `TOKEN=$(npm run --silent oauth-token -- …)`
// works; everything else goes to stderr.
import { parseArgs } from "node:util";
import { fetchAccessToken, ProviderUnreachableError } from "./dev-oidc/token-flow";

const USAGE = `Usage: npm run --silent oauth-token -- <email> [--password <password>]

Prints an access token for a demo account of the local OpenID provider, e.g.
  TOKEN=$(npm run --silent oauth-token -- owner@example.com)
  curl -H "Authorization: Bearer $TOKEN" http://localhost:3000/api/v1/workspaces/current/api-keys

Demo accounts: owner@example.com, admin@example.com, member@example.com, outsider@example.com
(password "password"). Environment: OIDC_ISSUER (default http://127.0.0.1:$OIDC_PORT, port 9400),
OIDC_AUDIENCE (default urn:one:api).`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: { password: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [email, ...extra] = positionals;
  if (!email || extra.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }

  const issuer = process.env.OIDC_ISSUER || `http://127.0.0.1:${process.env.OIDC_PORT || "9400"}`;
  const audience = process.env.OIDC_AUDIENCE || "urn:one:api";
  try {
    const token = await fetchAccessToken({ issuer, audience, email, password: values.password ?? "password" });
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof ProviderUnreachableError ? " Is `npm start` running?" : "";
    process.stderr.write(`oauth-token: ${message}${hint}\n`);
    return 1;
  }
}

process.exitCode = await main();
