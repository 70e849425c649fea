// Opt-in retry of answers that say "try later": 429 (rate limit) and 503 (briefly unavailable).
// The wait is the answer's Retry-After plus an exponential backoff with full jitter (so that
// many clients refused together do not come back together), capped; when Retry-After alone is
// longer than the cap, the error is thrown at once instead of waiting.
import type { ApiError } from "./error.js";

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Backoff before the first retry, doubled each time, before jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** The longest single wait. Default 60 000 ms. */
  maxDelayMs?: number;
  /** Called before each wait, e.g. to tell a person what is happening. */
  onRetry?: (event: { attempt: number; delayMs: number; error: ApiError }) => void;
}

const RETRYABLE = new Set([429, 503]);

/** Milliseconds to wait before retry number `attempt` (1-based), or null to give up. */
export function retryDelayMs(error: ApiError, attempt: number, options: RetryOptions, random: () => number = Math.random): number | null {
  const { maxRetries = 3, baseDelayMs = 500, maxDelayMs = 60_000 } = options;
  if (!RETRYABLE.has(error.status) || attempt > maxRetries) return null;
  const floor = (error.retryAfterSeconds ?? 0) * 1000;
  if (floor > maxDelayMs) return null;
  const backoff = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.min(maxDelayMs, floor + backoff);
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
