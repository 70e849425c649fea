// What every API class shares: an openapi-fetch client typed by the generated `paths`, the
// bearer token on each request, one error type for every failure, and the opt-in retry.
import createClient, { type Client } from "openapi-fetch";
import { Configuration } from "./configuration.js";
import { ApiError } from "./error.js";
import type { paths } from "./generated/openapi.js";
import { retryDelayMs, sleep } from "./retry.js";
import type { RequestOptions } from "./types.js";

type Answer<T> = { data?: T; error?: unknown; response: Response };

export abstract class BaseApi {
  protected readonly client: Client<paths>;

  constructor(protected readonly configuration: Configuration = new Configuration()) {
    this.client = createClient<paths>({ baseUrl: configuration.basePath, fetch: configuration.fetch, headers: configuration.headers });
    this.client.use({
      onRequest: async ({ request }) => {
        const token = await configuration.token();
        if (token) request.headers.set("Authorization", `Bearer ${token}`);
        return request;
      },
    });
  }

  /** Runs one call (again, when retry is on and the answer says so); resolves to the body or throws ApiError. */
  protected async send<T>(call: () => Promise<Answer<T>>, options: RequestOptions = {}): Promise<T> {
    const retry = this.configuration.retry;
    for (let attempt = 1; ; attempt++) {
      let answer: Answer<T>;
      try {
        answer = await call();
      } catch (cause) {
        if (options.signal?.aborted) throw cause;
        const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
        throw new ApiError({ status: 0, message: `Cannot reach the API at ${this.configuration.basePath} (${detail}).`, cause });
      }
      if (answer.response.ok) return answer.data as T;
      const error = ApiError.fromResponse(answer.response, answer.error);
      const delayMs = retry ? retryDelayMs(error, attempt, retry) : null;
      if (retry === null || delayMs === null) throw error;
      retry.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}
