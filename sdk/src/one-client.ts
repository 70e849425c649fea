// What the single client (`new One({ apiKey })`, generated/apis.ts) is built from: its options,
// turned into the same Configuration the API classes take, and the default workspace its
// resources call when a method is given no `workspaceId`.
import { BaseApi } from "./base-api.js";
import { Configuration } from "./configuration.js";
import type { RetryOptions } from "./retry.js";

type Token = string | (() => string | Promise<string>);

export interface OneOptions {
  /** An API key (`one_…`): tasks of its own workspace. Give this or `accessToken`. */
  apiKey?: Token;
  /** An OAuth access token of a person (e.g. from `one token`): keys, workspaces, the audit log. */
  accessToken?: Token;
  /** The API's base URL including `/api/v1`. Default: http://localhost:3000/api/v1. */
  baseUrl?: string;
  /** The workspace methods call when not given a `workspaceId`. Default: "current" (the key's, or the person's current one). */
  workspaceId?: string;
  /** How long each attempt may take before failing with an ApiError (status 0). Default 60 000 ms. */
  timeoutMs?: number;
  /** Retry 429 and 503 after their Retry-After (`true`, or the details). Default: off. */
  retry?: boolean | RetryOptions;
  /** The fetch to send requests with (default: the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers added to every request, e.g. a User-Agent. */
  headers?: Record<string, string>;
}

export abstract class OneClient {
  protected readonly configuration: Configuration;
  /** The workspace methods call when not given one. */
  readonly workspaceId: string;

  constructor(options: OneOptions = {}) {
    this.configuration = new Configuration({
      accessToken: options.apiKey ?? options.accessToken,
      basePath: options.baseUrl,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      fetch: options.fetch,
      headers: options.headers,
    });
    this.workspaceId = options.workspaceId ?? "current";
  }
}

/** One resource of the single client (e.g. `one.tasks`): the API class's calls with the default workspace filled in. */
export abstract class Resource extends BaseApi {
  constructor(
    configuration: Configuration,
    private readonly defaultWorkspaceId: string,
  ) {
    super(configuration);
  }

  protected withWorkspace<P extends { workspaceId?: string }>(params: P): P & { workspaceId: string } {
    return { ...params, workspaceId: params.workspaceId ?? this.defaultWorkspaceId };
  }
}
