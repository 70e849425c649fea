// POST /api/v1/revocations: anyone who finds one of our keys somewhere it should not be (a
// repository, a paste, a log) can kill it, as GitHub's public credential revocation API allows.
// No authentication: holding the secret is the proof. Every well-formed request gets the same
// answer, 202 {"received": n}, whatever matched, so the endpoint tells nobody whether a secret
// exists (and runs the same statements either way, lib/leaks/report.ts). Malformed tokens are
// dropped before the database. Each address may send REVOCATIONS_LIMIT requests per window.
// What a reported secret does is the same as for GitHub's reports, by actor `public`.
import type { Client } from "@/lib/auth/actor";
import { hashSecret, isWellFormedSecret } from "@/lib/api-keys/secret";
import { parseInput } from "@/lib/validation";
import { applyExposureReport } from "./report";
import { consumeRevocationBudget } from "./revocation-limit";
import { revocationInput } from "./schemas";
import { PUBLIC_REVOCATION_SOURCE } from "./sources";

/** `body` is the parsed JSON body (the route has checked type and size). */
export async function requestRevocations(client: Client, body: unknown): Promise<{ received: number }> {
  const { tokens } = parseInput(revocationInput, body);
  await consumeRevocationBudget(client.ip);
  const reported = tokens.filter(isWellFormedSecret).map((token) => ({ hash: hashSecret(token), url: null }));
  await applyExposureReport({ source: PUBLIC_REVOCATION_SOURCE, by: { type: "public" }, client }, reported);
  return { received: tokens.length };
}
