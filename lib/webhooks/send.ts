// One attempt over HTTP: POST the signed body and judge the answer. The connection goes through
// request-filtering-agent, which checks the address DNS gave *at connect time* against the same
// rule as creation (public addresses only, unless in WEBHOOK_ALLOWED_NETWORKS), so a host that
// resolves elsewhere after its creation (DNS rebinding) is refused. Redirects are not followed (a
// 3xx is a failed attempt); the whole exchange has 10 seconds; the first 1 KiB of the answer is kept
// (without NUL characters, which PostgreSQL's text cannot hold: one would make the outcome unrecordable).
import http from "node:http";
import https from "node:https";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import { allowedNetworks } from "./config";

export const ATTEMPT_TIMEOUT_MS = 10_000;
const KEPT_BYTES = 1024;

export type AttemptResult = {
  delivered: boolean;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
};

export async function postWebhook(url: string, body: string, headers: Record<string, string>): Promise<AttemptResult> {
  const target = new URL(url);
  const agentOptions = { keepAlive: false, allowIPAddressList: allowedNetworks().text };
  const agent = target.protocol === "https:" ? new RequestFilteringHttpsAgent(agentOptions) : new RequestFilteringHttpAgent(agentOptions);
  const request = target.protocol === "https:" ? https.request : http.request;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(ATTEMPT_TIMEOUT_MS);
  return new Promise<AttemptResult>((resolve) => {
    let status: number | null = null;
    let kept = Buffer.alloc(0);
    let settled = false;
    const finish = (error: string | null) => {
      if (settled) return;
      settled = true;
      const delivered = error === null && status !== null && status >= 200 && status < 300;
      const judged =
        error ??
        (delivered
          ? null
          : status !== null && status >= 300 && status < 400
            ? `Answered ${status}: redirects are not followed.`
            : `Answered ${status}.`);
      resolve({
        delivered,
        responseStatus: status,
        responseBody: status === null ? null : kept.toString("utf8").replaceAll("\u0000", ""),
        durationMs: elapsed(),
        error: judged,
      });
      outgoing.destroy();
    };
    const outgoing = request(
      target,
      {
        method: "POST",
        agent,
        signal,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "one-webhooks/1",
        },
      },
      (response) => {
        status = response.statusCode ?? null;
        response.on("data", (chunk: Buffer) => {
          kept = Buffer.concat([kept, chunk]).subarray(0, KEPT_BYTES);
          if (kept.length >= KEPT_BYTES) finish(null);
        });
        response.on("end", () => finish(null));
        response.on("close", () => finish(null));
        response.on("error", () => finish(null)); // the status is what counts; the body is a courtesy
      },
    );
    outgoing.on("error", (error: Error & { code?: string }) => {
      if (status !== null) return finish(null); // answered in time; only the rest of the body was cut short
      if (signal.aborted) return finish(`No answer within ${ATTEMPT_TIMEOUT_MS / 1000} s.`);
      finish(describe(error));
    });
    outgoing.end(body);
  });
}

function describe(error: Error & { code?: string }): string {
  if (/is not allowed/.test(error.message)) return `Refused to connect: ${error.message.replace(/^DNS lookup /, "")}`;
  if (error.code === "ECONNREFUSED") return "The connection was refused.";
  if (error.code === "ECONNRESET") return "The connection was closed before an answer.";
  if (error.code === "ENOTFOUND") return "The host could not be resolved.";
  return error.message || "The request failed.";
}
