// The id of a request, for its log line and its X-Request-Id response header. A proxy in front
// of the app may have given the request one already (so its logs and ours share it): that one
// is used only when the request came through a proxy that TRUST_PROXY trusts, and only when it
// is a short string of safe characters (it goes into logs and a response header). Anything else
// gets a new random id: a client cannot choose what our logs say, nor inject into them.
import { randomUUID } from "node:crypto";
import { viaTrustedProxy } from "@/lib/auth/client-address";

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  if (given !== null && SAFE_REQUEST_ID.test(given) && viaTrustedProxy(headers)) return given;
  return randomUUID();
}
