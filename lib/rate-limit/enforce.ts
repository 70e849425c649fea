// Applies the workspace limit to an API-key request before the handler runs: one atomic
// statement (consume.ts), then either the RateLimit headers for the response or a 429.
import { AppError } from "@/lib/errors";
import { consumeWorkspaceRequest } from "./consume";
import { rateLimitExceededMessage, rateLimitHeaders } from "./headers";

/** Returns the headers every API-key response carries; throws rate_limited (with them) when over. */
export async function enforceWorkspaceLimit(workspaceId: string): Promise<Record<string, string>> {
  const decision = await consumeWorkspaceRequest(workspaceId);
  const headers = rateLimitHeaders(decision);
  if (!decision.allowed) {
    const seconds = decision.retryAfterSeconds ?? 1;
    throw new RateLimitedError(rateLimitExceededMessage(seconds), seconds, headers);
  }
  return headers;
}

export class RateLimitedError extends AppError {
  readonly headers: Record<string, string>;
  constructor(message: string, retryAfterSeconds: number, headers: Record<string, string>) {
    super("rate_limited", message, { retryAfterSeconds });
    this.headers = headers;
  }
}
