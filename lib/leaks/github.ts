// POST /api/v1/secret-scanning/github: GitHub's secret scanning partner program sends the
// matches of our token format it finds in public repositories, gists, issues and npm packages.
// The report counts only when GitHub's signature over the exact body bytes verifies
// (lib/leaks/github-keys.ts); then every secret of ours in it stops working at once
// (lib/leaks/report.ts) and GitHub gets its feedback list back.
// Order of checks, each changing nothing when it fails: size (413, by the route), signature
// headers and signature (401), GitHub's keys unreachable with no copy (503), JSON shape (400).
import { createHash } from "node:crypto";
import type { Client } from "@/lib/auth/actor";
import { hashSecret, isWellFormedSecret } from "@/lib/api-keys/secret";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { githubKey, verifyGithubSignature } from "./github-keys";
import { applyExposureReport, type ReportedSecret } from "./report";
import { GITHUB_TOKEN_TYPE, githubReportSchema, type GithubFeedback } from "./schemas";

const GITHUB_SCANNING = { type: "system", name: "GitHub secret scanning" } as const;

export type GithubDelivery = {
  body: Uint8Array;
  keyIdentifier: string | null;
  signature: string | null;
};

const badSignature = () =>
  new AppError("unauthenticated", "The report's signature does not verify with any of GitHub's secret scanning keys.");

/** Verifies and applies one report from GitHub; returns the feedback list. */
export async function receiveGithubReport(client: Client, delivery: GithubDelivery): Promise<GithubFeedback> {
  const identifier = delivery.keyIdentifier?.trim() ?? "";
  const signature = delivery.signature?.trim() ?? "";
  if (!identifier || identifier.length > 200 || !signature) {
    throw new AppError("unauthenticated", "Send GitHub's Github-Public-Key-Identifier and Github-Public-Key-Signature headers.");
  }
  const key = await githubKey(identifier);
  if (!key || !verifyGithubSignature(key, delivery.body, signature)) throw badSignature();

  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(delivery.body).toString("utf8"));
  } catch {
    throw new AppError("invalid_input", "The body is not valid JSON.");
  }
  const report = parseInput(githubReportSchema, json);

  const tokens = [...new Set(report.map((match) => match.token))];
  const ours: ReportedSecret[] = [];
  for (const match of report) {
    if (!isWellFormedSecret(match.token)) continue; // our format with a bad checksum: not ours, no lookup
    ours.push({ hash: hashSecret(match.token), url: linkable(match.url), foundIn: match.source?.slice(0, 100) ?? null });
  }
  const verdicts = await applyExposureReport({ source: GITHUB_SCANNING.name, by: GITHUB_SCANNING, client }, ours);
  return tokens.map((token) => {
    const verdict = isWellFormedSecret(token) ? verdicts.get(hashSecret(token)) : undefined;
    // GitHub's token_hash is a plain SHA-256 of the token, whatever we store.
    const tokenHash = createHash("sha256").update(token).digest("hex");
    const label = verdict && verdict !== "unknown" ? "true_positive" : "false_positive";
    return { token_hash: tokenHash, token_type: GITHUB_TOKEN_TYPE, label };
  });
}

/** The URL to show people: only an http(s) URL of reasonable length, else none. */
function linkable(url: string | undefined): string | null {
  if (!url || url.length > 2048) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}
