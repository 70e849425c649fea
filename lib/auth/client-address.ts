// Where a request comes from: the address of the connection, unless TRUST_PROXY names the
// proxies in front of the app, whose X-Forwarded-For entries are then believed — and only
// theirs. Without a trusted proxy, X-Forwarded-For is ignored: a client could write anything
// there (reset its throttle, put any address into audit events and "last used from").
//
// Route handlers cannot see the connection under Next.js, so the app's server
// (scripts/app-server.ts) writes the socket's address into CLIENT_ADDRESS_HEADER on every
// request, over anything the client sent under that name. The decision itself is Express's,
// from its well-kept `proxy-addr` package.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";
import { boundedMemo } from "@/lib/bounded-memo";

/** Set by scripts/app-server.ts on every request: the socket's remote address. */
export const CLIENT_ADDRESS_HEADER = "x-one-socket-address";

/** Where a request comes from, for audit events and throttling. */
export type Client = { ip: string | null; userAgent: string | null };

type Trust = (address: string, hop: number) => boolean;

const TRUST_PROXY_HELP =
  'TRUST_PROXY must be a number of proxy hops (e.g. 1) or a comma-separated list of proxy addresses and CIDR ranges (e.g. "10.0.0.0/8, 192.168.1.7"; "loopback", "linklocal" and "uniquelocal" name the usual ranges)';

/**
 * TRUST_PROXY → which hops to believe. Unset, empty or 0: none (the connection's address is
 * the client's). A whole number n: the n nearest hops, whatever their address. Otherwise a
 * comma-separated list of addresses and CIDR ranges. Anything else is refused, at start.
 */
export function parseTrustProxy(value: string | undefined): Trust {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return () => false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (!Number.isSafeInteger(hops)) throw new Error(TRUST_PROXY_HELP);
    return (_address, hop) => hop < hops;
  }
  const entries = text.split(",").map((entry) => entry.trim());
  if (entries.some((entry) => entry === "")) throw new Error(TRUST_PROXY_HELP);
  try {
    return proxyaddr.compile(entries);
  } catch {
    throw new Error(`${TRUST_PROXY_HELP}; got "${text}"`);
  }
}

let compiled: { value: string | undefined; trust: Trust } | undefined;
function trustProxy(): Trust {
  const value = process.env.TRUST_PROXY;
  if (!compiled || compiled.value !== value) compiled = { value, trust: parseTrustProxy(value) };
  return compiled.trust;
}

/** IPv4-mapped IPv6 (::ffff:192.0.2.1, what a dual-stack socket reports) as plain IPv4. */
const tidy = boundedMemo((address) => (ipaddr.isValid(address) ? ipaddr.process(address).toString() : address));

/** The client's address from the socket address and X-Forwarded-For, under `trust`. */
export function clientAddress(socketAddress: string | null, forwardedFor: string | null, trust: Trust): string | null {
  if (!socketAddress || !isIP(socketAddress)) return null;
  const request = { socket: { remoteAddress: socketAddress }, headers: { "x-forwarded-for": forwardedFor ?? undefined } };
  const address = proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trust);
  // A trusted proxy that forwarded something that is not an address: fall back to the proxy.
  return tidy(isIP(address) ? address : socketAddress);
}

/** Whether the request's connection comes from a proxy that TRUST_PROXY trusts (its headers may be believed). */
export function viaTrustedProxy(requestHeaders: Headers): boolean {
  const socketAddress = requestHeaders.get(CLIENT_ADDRESS_HEADER);
  return !!socketAddress && isIP(socketAddress) !== 0 && trustProxy()(socketAddress, 0);
}

export function clientOf(requestHeaders: Headers): Client {
  return {
    ip: clientAddress(requestHeaders.get(CLIENT_ADDRESS_HEADER), requestHeaders.get("x-forwarded-for"), trustProxy()),
    userAgent: requestHeaders.get("user-agent")?.slice(0, 500) ?? null,
  };
}
