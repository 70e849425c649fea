// The client's address: the connection's, unless TRUST_PROXY names the proxies in front
// (lib/auth/client-address.ts). Parsing of TRUST_PROXY, and who the client is under each.
import { describe, expect, it } from "vitest";
import { clientAddress, clientOf, CLIENT_ADDRESS_HEADER, parseTrustProxy } from "@/lib/auth/client-address";

// The request came over a connection from 10.0.0.2 (a proxy, or the client itself), which
// says it forwarded for 198.51.100.1, which says it forwarded for 203.0.113.9.
const SOCKET = "10.0.0.2";
const CHAIN = "203.0.113.9, 198.51.100.1";

const CASES: Array<[string, string | undefined, string]> = [
  ["unset: the connection, X-Forwarded-For ignored", undefined, SOCKET],
  ["empty: the same", "", SOCKET],
  ["0 hops: the same", "0", SOCKET],
  ["1 hop: the entry the nearest proxy appended", "1", "198.51.100.1"],
  ["2 hops", "2", "203.0.113.9"],
  ["more hops than entries: the left-most entry", "5", "203.0.113.9"],
  ["the proxy's network", "10.0.0.0/8", "198.51.100.1"],
  ["the proxy's exact address", "10.0.0.2", "198.51.100.1"],
  ["both proxies, with spaces", " 10.0.0.0/8 , 198.51.100.0/24 ", "203.0.113.9"],
  ["only the outer proxy: the inner one is the client", "198.51.100.0/24", SOCKET],
  ["a named range that does not hold the proxy", "loopback", SOCKET],
  ["a netmask instead of a prefix length", "10.0.0.0/255.0.0.0", "198.51.100.1"],
  ["IPv6 ranges do not hold an IPv4 proxy", "fe80::/10, ::1", SOCKET],
];

describe("TRUST_PROXY", () => {
  it.each(CASES)("%s", (_name, value, expected) => {
    expect(clientAddress(SOCKET, CHAIN, parseTrustProxy(value))).toBe(expected);
  });

  it.each([["true"], ["yes"], ["-1"], ["1.5"], ["10.0.0.0/33"], ["10.0.0.0/8,"], ["not-an-address"], ["999999999999999999999"]])(
    "refuses %o, naming what it accepts",
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY must be a number of proxy hops/);
    },
  );

  it.each([
    ["a dual-stack socket's IPv4-mapped address", "::ffff:192.0.2.1", null, "1", "192.0.2.1"],
    ["an IPv6 client behind a loopback proxy", "::1", "2001:db8::7", "loopback", "2001:db8::7"],
    ["no X-Forwarded-For behind a trusted proxy: the proxy", "127.0.0.1", null, "loopback", "127.0.0.1"],
    ["a trusted proxy that forwarded something that is not an address: the proxy", "10.0.0.2", "unknown", "1", "10.0.0.2"],
    ["no socket address (not served by scripts/app-server.ts): unknown", null, "198.51.100.1", "1", null],
    ["a socket address that is not one: unknown", "not-an-ip", null, "", null],
  ] as const)("%s", (_name, socket, forwarded, trust, expected) => {
    expect(clientAddress(socket, forwarded, parseTrustProxy(trust))).toBe(expected);
  });
});

describe("clientOf", () => {
  it("reads the socket address from the app server's header and the user agent, capped", () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: "192.0.2.44", "x-forwarded-for": "1.2.3.4", "user-agent": "x".repeat(600) });
    const client = clientOf(headers);
    expect({ ip: client.ip, userAgentLength: client.userAgent?.length }).toEqual({ ip: "192.0.2.44", userAgentLength: 500 });
  });
});
