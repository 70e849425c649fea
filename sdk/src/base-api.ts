// What every API class shares: an openapi-fetch client, the bearer token on each request, the
// flat parameters split into path, query and body by the operation's description
// (generated/operations.ts), a timeout per attempt, one error type for every failure, the
// opt-in retry, and the rate limit and HTTP answer attached to every result.
import createClient, { type Client } from "openapi-fetch";
import { Configuration } from "./configuration.js";
import { ApiError } from "./error.js";
import { OPERATIONS } from "./generated/operations.js";
import { PagePromise } from "./pagination.js";
import { rateLimitOf } from "./rate-limit.js";
import { retryDelayMs, sleep } from "./retry.js";
import type { OperationId, RequestOptions, Result } from "./types.js";

type Answer = { data?: unknown; error?: unknown; response: Response };
type Paged = { data: unknown[]; nextCursor: string | null };

export abstract class BaseApi {
  // Typed per method by the generated classes (types.ts); the client itself sees any path.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  protected readonly client: Client<any>;

  constructor(protected readonly configuration: Configuration = new Configuration()) {
    this.client = createClient({ baseUrl: configuration.basePath, fetch: configuration.fetch, headers: configuration.headers });
    this.client.use({
      onRequest: async ({ request }) => {
        const token = await configuration.token();
        if (token) request.headers.set("Authorization", `Bearer ${token}`);
        return request;
      },
    });
  }

  /** Sends one operation with its flat parameters; resolves to the body (with `rateLimit` and `lastResponse`) or throws ApiError. */
  protected call<Id extends OperationId>(id: Id, params: object = {}, options: RequestOptions = {}): Promise<Result<Id>> {
    const operation = OPERATIONS[id];
    const path: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    const body: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined) continue;
      if (operation.path.includes(`{${name}}`)) path[name] = value;
      else if ((operation.query as readonly string[]).includes(name)) query[name] = typeof value === "boolean" ? String(value) : value;
      else body[name] = value;
    }
    const sendBody = operation.body === "required" || Object.keys(body).length > 0;
    return this.send(
      (signal) =>
        this.client.request(operation.method, operation.path, {
          params: { path, query },
          body: sendBody ? body : undefined,
          signal,
        }) as Promise<Answer>,
      options,
    ) as Promise<Result<Id>>;
  }

  /** A paged operation: awaitable for the first page, async-iterable over every item. */
  protected paged<Id extends OperationId>(id: Id, params: object, options?: RequestOptions) {
    return new PagePromise((cursor) => this.call(id, cursor ? { ...params, cursor } : params, options) as Promise<Result<Id> & Paged>);
  }

  /** Runs one call (again, when retry is on and the answer says so); resolves to the body or throws ApiError. */
  private async send(call: (signal: AbortSignal) => Promise<Answer>, options: RequestOptions): Promise<unknown> {
    const { retry, basePath } = this.configuration;
    const timeoutMs = options.timeoutMs ?? this.configuration.timeoutMs;
    for (let attempt = 1; ; attempt++) {
      let answer: Answer;
      const timeout = AbortSignal.timeout(timeoutMs);
      try {
        answer = await call(options.signal ? AbortSignal.any([options.signal, timeout]) : timeout);
      } catch (cause) {
        if (options.signal?.aborted) throw cause;
        const detail = timeout.aborted
          ? `no answer within ${timeoutMs} ms`
          : cause instanceof Error
            ? cause.cause instanceof Error
              ? cause.cause.message
              : cause.message
            : String(cause);
        throw new ApiError({ status: 0, message: `Cannot reach the API at ${basePath} (${detail}).`, cause });
      }
      if (answer.response.ok) return withMeta(answer.data, answer.response);
      const error = ApiError.fromResponse(answer.response, answer.error);
      const delayMs = retry ? retryDelayMs(error, attempt, retry) : null;
      if (retry === null || delayMs === null) throw error;
      retry.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}

/** The body with `rateLimit` and `lastResponse` as non-enumerable properties (not in JSON, spreads or equality). */
function withMeta(body: unknown, response: Response): unknown {
  const target = body !== null && typeof body === "object" ? body : {};
  Object.defineProperties(target, {
    rateLimit: { value: rateLimitOf(response.headers), enumerable: false },
    lastResponse: { value: { status: response.status, headers: response.headers }, enumerable: false },
  });
  return target;
}
