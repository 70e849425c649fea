// Shapes of the leaked-key endpoints: validated here once, and the same schemas describe them in
// the OpenAPI document (lib/http/openapi.ts).
import { z } from "zod";

/** GitHub's token type for our keys, as registered with its secret scanning partner program. */
export const GITHUB_TOKEN_TYPE = "one_api_key";
export const GITHUB_REPORT_MAX_BYTES = 1024 * 1024;
const REVOCATION_MAX_TOKENS = 1000;
export const REVOCATION_MAX_BYTES = 64 * 1024;

export const githubReportSchema = z
  .array(
    z.looseObject({
      token: z.string({ error: "Each match needs a token." }).describe("The string that matched our token format."),
      type: z.string().optional().describe(`The token type, ${GITHUB_TOKEN_TYPE}.`),
      url: z.string().optional().describe("Where GitHub found it (a commit, an issue, an npm package…)."),
      source: z.string().optional().describe("What kind of place: content, commit, pull_request_title, npm, …"),
    }),
    { error: "The body must be a JSON array of matches." },
  )
  .describe("GitHub's secret scanning partner report: the matches of our token format it found in public places.");

export const githubFeedbackSchema = z
  .array(
    z.object({
      token_hash: z.string().describe("SHA-256 (hex) of the token."),
      token_type: z.literal(GITHUB_TOKEN_TYPE),
      label: z.enum(["true_positive", "false_positive"]).describe("true_positive: one of our keys' secrets; false_positive: not ours."),
    }),
  )
  .describe("Feedback for GitHub, one entry per distinct token.");
export type GithubFeedback = z.output<typeof githubFeedbackSchema>;

export const revocationInput = z.object(
  {
    tokens: z
      .array(z.string({ error: "Each token must be a string." }), { error: "tokens must be an array of API key secrets." })
      .max(REVOCATION_MAX_TOKENS, `Send at most ${REVOCATION_MAX_TOKENS} tokens per request.`)
      .describe(`API key secrets (one_…) found somewhere they should not be; at most ${REVOCATION_MAX_TOKENS}.`),
  },
  { error: 'The body must be a JSON object such as {"tokens": ["one_…"]}.' },
);

export const revocationResult = z.object({
  received: z.number().int().describe("How many tokens the request carried. The answer is the same whether any of them matched."),
});

/** One entry of the API keys page's alert about exposed keys (lib/leaks/recent.ts). */
export type ExposureAlert = {
  keyId: string;
  description: string;
  /** The hint of the secret that was found. */
  hint: string;
  source: string;
  url: string | null;
  reportedAt: string;
  /** What the report did: revoked the key, or retired its previous secret (the key still works). */
  outcome: "revoked" | "previous_secret_retired";
  /** Whether the key is revoked now (by the report, or since). */
  keyRevoked: boolean;
};
