// What every API class is built from: where the API is, how to authenticate, which fetch to
// use, how long to wait for an answer, and whether to retry when the API says "later" (429, 503).
import type { RetryOptions } from "./retry.js";

export const DEFAULT_BASE_PATH = "http://localhost:3000/api/v1";
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface ConfigurationParameters {
  /** An API key (`one_…`) or an OAuth access token; a function is asked before every request (e.g. to refresh). */
  accessToken?: string | (() => string | Promise<string>);
  /** The API's base URL including `/api/v1`. Default: http://localhost:3000/api/v1. */
  basePath?: string;
  /** The fetch to send requests with (default: the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers added to every request, e.g. a User-Agent. */
  headers?: Record<string, string>;
  /** Opt-in: retry 429 and 503 answers after their Retry-After, with capped exponential backoff and jitter. */
  retry?: boolean | RetryOptions;
  /** How long each attempt may take before it fails with an ApiError (status 0). Default 60 000 ms. */
  timeoutMs?: number;
}

export class Configuration {
  readonly accessToken?: string | (() => string | Promise<string>);
  readonly basePath: string;
  readonly fetch?: (request: Request) => Promise<Response>;
  readonly headers: Record<string, string>;
  readonly retry: RetryOptions | null;
  readonly timeoutMs: number;

  constructor(parameters: ConfigurationParameters = {}) {
    this.accessToken = parameters.accessToken;
    this.basePath = (parameters.basePath ?? DEFAULT_BASE_PATH).replace(/\/+$/, "");
    this.fetch = parameters.fetch;
    this.headers = parameters.headers ?? {};
    this.retry = parameters.retry === true ? {} : parameters.retry || null;
    this.timeoutMs = parameters.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async token(): Promise<string | undefined> {
    return typeof this.accessToken === "function" ? await this.accessToken() : this.accessToken;
  }
}
