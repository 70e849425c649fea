// Real credentials for REST tests: OAuth access tokens from the local provider (the same
// flow as `npm run oauth-token`), API keys created through the API, and the bad ones.
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import { insertKey } from "../helpers/keys";
import { fetchAccessToken } from "../../scripts/dev-oidc/token-flow";
import { sql } from "../helpers/db";
import { E2E_BASE_URL, E2E_DATA_DIR, E2E_ISSUER } from "../env";

export const AUDIENCE = "urn:one:api";
export const API = `${E2E_BASE_URL}/api/v1`;

export function userToken(email: string): Promise<string> {
  return fetchAccessToken({ issuer: E2E_ISSUER, email, password: "password", audience: AUDIENCE });
}

/** Sends a request with an optional bearer token; returns status, headers and parsed body. */
export async function call(method: string, url: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url.startsWith("http") ? url : `${API}${url}`, {
    method,
    headers: {
      ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return {
    status: response.status,
    headers: response.headers,
    body: json as Record<string, unknown> & { data?: Array<Record<string, unknown>> },
    text,
  };
}

/** Another workspace (none of the demo accounts is in it) with its own key, created directly in the database. */
export async function createOtherWorkspaceKey(): Promise<{ workspaceId: string; secret: string }> {
  const [ws] = await sql<{ id: string }>(
    `INSERT INTO workspaces (id, name, slug) VALUES (gen_random_uuid()::text, 'Initech', 'initech-' || substr(md5(random()::text), 1, 8)) RETURNING id`,
  );
  const { secret } = await insertKey(sql, ws!.id, "initech-ci");
  return { workspaceId: ws!.id, secret };
}

export async function acmeId(): Promise<string> {
  const [row] = await sql<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'acme'");
  return row!.id;
}

/** A token signed with the provider's real key that expired an hour ago. */
export async function expiredUserToken(): Promise<string> {
  const { keys } = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "oidc-keys.json"), "utf8")) as { keys: JWK[] };
  const jwk = keys[0]!;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: "api" })
    .setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid: jwk.kid })
    .setIssuer(E2E_ISSUER)
    .setAudience(AUDIENCE)
    .setSubject("demo-owner")
    .setIssuedAt(now - 7200)
    .setExpirationTime(now - 3600)
    .sign(await importJWK(jwk, "RS256"));
}

/** A well-formed token for the owner, signed by a key the provider never had. */
export async function wronglySignedToken(): Promise<string> {
  const { privateKey } = await generateKeyPair("RS256");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: "api" })
    .setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid: "not-the-provider" })
    .setIssuer(E2E_ISSUER)
    .setAudience(AUDIENCE)
    .setSubject("demo-owner")
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
}
