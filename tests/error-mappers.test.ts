// Both doors map errors from the same normaliser (lib/errors.ts): the REST API to a status,
// JSON body and headers (lib/http/errors.ts), the dashboard to a code and a sentence
// (lib/ui/server/action-result.ts). One table of thrown values, both mappings side by side.
import { afterEach, describe, expect, it, vi } from "vitest";
import { keyLimitReached, keyNotActive } from "@/lib/api-keys/errors";
import { AppError, INTERNAL_MESSAGE, UNAVAILABLE_MESSAGE } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { toActionError } from "@/lib/ui/server/action-result";
import { logger } from "@/lib/log/logger";

afterEach(() => vi.restoreAllMocks());

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

type Rest = { status: number; body: unknown; headers?: Record<string, string> };
type Ui = { code: string; message: string; fields?: Record<string, string>; retryAfterSeconds?: number };

const CASES: Array<[string, unknown, Rest, Ui]> = [
  [
    "invalid input with fields",
    new AppError("invalid_input", "Enter a description.", { fields: { description: "Enter a description." } }),
    { status: 400, body: { code: 400, message: "Enter a description.", fields: { description: "Enter a description." } } },
    { code: "invalid_input", message: "Enter a description.", fields: { description: "Enter a description." } },
  ],
  [
    "unauthenticated",
    new AppError("unauthenticated", "Send a bearer token."),
    { status: 401, body: { code: 401, message: "Send a bearer token." }, headers: { "www-authenticate": 'Bearer realm="one"' } },
    { code: "unauthenticated", message: "Your session has ended. Reload the page to sign in again." },
  ],
  [
    "forbidden",
    new AppError("forbidden", "Only owners."),
    { status: 403, body: { code: 403, message: "Only owners." } },
    { code: "forbidden", message: "Only owners." },
  ],
  [
    "not found",
    new AppError("not_found", "No such key."),
    { status: 404, body: { code: 404, message: "No such key." } },
    { code: "not_found", message: "No such key." },
  ],
  [
    "method not allowed",
    new AppError("method_not_allowed", "GET only."),
    { status: 405, body: { code: 405, message: "GET only." } },
    { code: "method_not_allowed", message: "GET only." },
  ],
  [
    "key cap, with its reason",
    new AppError("key_limit_reached", "20 keys.", { reason: "key_limit_reached" }),
    { status: 409, body: { code: 409, message: "20 keys.", reason: "key_limit_reached" } },
    { code: "key_limit_reached", message: "20 keys." },
  ],
  [
    "a change to a revoked key, with its reason",
    new AppError("conflict", "Revoked.", { reason: "key_revoked" }),
    { status: 409, body: { code: 409, message: "Revoked.", reason: "key_revoked" } },
    { code: "conflict", message: "Revoked." },
  ],
  [
    "too large",
    new AppError("payload_too_large", "16 KiB."),
    { status: 413, body: { code: 413, message: "16 KiB." } },
    { code: "payload_too_large", message: "16 KiB." },
  ],
  [
    "not JSON",
    new AppError("unsupported_media_type", "JSON."),
    { status: 415, body: { code: 415, message: "JSON." } },
    { code: "unsupported_media_type", message: "JSON." },
  ],
  [
    "rate limited, with the RateLimit fields carried by the error",
    new AppError("rate_limited", "standard rate limit exceeded, retry in 7 seconds", {
      retryAfterSeconds: 7,
      headers: { RateLimit: '"burst";r=0;t=7' },
    }),
    {
      status: 429,
      body: { code: 429, message: "standard rate limit exceeded, retry in 7 seconds" },
      headers: { "retry-after": "7", ratelimit: '"burst";r=0;t=7' },
    },
    { code: "rate_limited", message: "standard rate limit exceeded, retry in 7 seconds", retryAfterSeconds: 7 },
  ],
  [
    "database refused the connection",
    pgError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"),
    { status: 503, body: { code: 503, message: UNAVAILABLE_MESSAGE }, headers: { "retry-after": "5" } },
    { code: "unavailable", message: UNAVAILABLE_MESSAGE, retryAfterSeconds: 5 },
  ],
  [
    "database did not answer (client-side read timeout)",
    new Error("Query read timeout"),
    { status: 503, body: { code: 503, message: UNAVAILABLE_MESSAGE }, headers: { "retry-after": "5" } },
    { code: "unavailable", message: UNAVAILABLE_MESSAGE, retryAfterSeconds: 5 },
  ],
  [
    "statement cancelled by statement_timeout, wrapped as a cause",
    new Error("query failed", { cause: pgError("57014", "canceling statement due to statement timeout") }),
    { status: 503, body: { code: 503, message: UNAVAILABLE_MESSAGE }, headers: { "retry-after": "5" } },
    { code: "unavailable", message: UNAVAILABLE_MESSAGE, retryAfterSeconds: 5 },
  ],
  [
    "no connection free in time",
    new Error("timeout exceeded when trying to connect"),
    { status: 503, body: { code: 503, message: UNAVAILABLE_MESSAGE }, headers: { "retry-after": "5" } },
    { code: "unavailable", message: UNAVAILABLE_MESSAGE, retryAfterSeconds: 5 },
  ],
  [
    "a bug, whose message must not leak",
    new TypeError('relation "api_keys" does not exist at SELECT "hash"'),
    { status: 500, body: { code: 500, message: INTERNAL_MESSAGE } },
    { code: "unexpected", message: INTERNAL_MESSAGE },
  ],
  [
    "a thrown string",
    "boom",
    { status: 500, body: { code: 500, message: INTERNAL_MESSAGE } },
    { code: "unexpected", message: INTERNAL_MESSAGE },
  ],
  [
    "undefined",
    undefined,
    { status: 500, body: { code: 500, message: INTERNAL_MESSAGE } },
    { code: "unexpected", message: INTERNAL_MESSAGE },
  ],
];

describe("the REST mapping", () => {
  it("gives every 409 the operations throw its reason", async () => {
    const bodies = await Promise.all(
      [keyLimitReached(), keyNotActive("revoked", "renamed"), keyNotActive("expired", "rolled")].map((error) =>
        errorResponse(error).json(),
      ),
    );
    expect(bodies.map((body) => [body.code, body.reason])).toEqual([
      [409, "key_limit_reached"],
      [409, "key_revoked"],
      [409, "key_expired"],
    ]);
  });

  it.each(CASES)("%s", async (_name, thrown, rest) => {
    vi.spyOn(logger(), "error").mockImplementation(() => {});
    const response = errorResponse(thrown);
    const headers = Object.fromEntries(Object.keys(rest.headers ?? {}).map((name) => [name, response.headers.get(name)]));
    expect({
      status: response.status,
      body: await response.json(),
      headers,
      json: response.headers.get("content-type"),
      cache: response.headers.get("cache-control"),
      retryAfterOnlyWhenSaid: response.headers.has("retry-after") === "retry-after" in (rest.headers ?? {}),
    }).toEqual({
      status: rest.status,
      body: rest.body,
      headers: rest.headers ?? {},
      json: "application/json; charset=utf-8",
      cache: "no-store",
      retryAfterOnlyWhenSaid: true,
    });
  });

  it("adds the route's headers (e.g. RateLimit) to any error, the error's own winning", () => {
    const response = errorResponse(new AppError("not_found", "No such task."), { RateLimit: "route", "X-Other": "kept" });
    const limited = errorResponse(new AppError("rate_limited", "retry", { retryAfterSeconds: 1, headers: { RateLimit: "error" } }), {
      RateLimit: "route",
    });
    expect([response.headers.get("ratelimit"), response.headers.get("x-other"), limited.headers.get("ratelimit")]).toEqual([
      "route",
      "kept",
      "error",
    ]);
  });
});

describe("the dashboard mapping", () => {
  it.each(CASES)("%s", (_name, thrown, _rest, ui) => {
    vi.spyOn(logger(), "error").mockImplementation(() => {});
    expect(toActionError(thrown)).toEqual(ui);
  });

  it("logs unexpected errors once with their cause, and database outages in one line", () => {
    const log = vi.spyOn(logger(), "error").mockImplementation(() => {});
    const bug = new Error("secret-free bug");
    toActionError(bug);
    toActionError(new Error("Query read timeout"));
    toActionError(new AppError("not_found", "expected, not logged"));
    expect(log.mock.calls).toEqual([
      [{ err: bug }, "Server action failed"],
      ["Server action failed: database unavailable (Query read timeout)"],
    ]);
  });
});
