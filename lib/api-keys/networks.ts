// Where a key may be used from: `allowedNetworks`, null (anywhere) or 1–50 IPv4/IPv6 addresses or
// CIDR ranges in canonical form (an address becomes /32 or /128; IPv6 in RFC 5952 form; an
// IPv4-mapped IPv6 address is the IPv4 address), and `networkMode`: "enforce" (requests from
// outside get 403) or "report" (served, and counted as outside). Parsing and canonical forms
// are ipaddr.js's (the library proxy-addr uses for the client address); containment is checked
// by PostgreSQL (`inet <<= cidr`) inside the authentication statement.
import ipaddr from "ipaddr.js";
import { z } from "zod";

const MAX_ALLOWED_NETWORKS = 50;
export const NETWORK_MODES = ["enforce", "report"] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

const EXAMPLE = "an address such as 203.0.113.7 or a range such as 203.0.113.0/24";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A plain IPv4 (dotted quad) or IPv6 address, nothing looser (no zone ids, no octal or short forms); also in browsers. */
const isAddress = (value: string) =>
  ipaddr.IPv4.isValidFourPartDecimal(value) || (value.includes(":") && !value.includes("%") && ipaddr.IPv6.isValid(value));

/** IPv4-mapped IPv6 (::ffff:203.0.113.7) as the IPv4 address it carries. */
const unmapped = (address: Address): Address =>
  address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;

const text = (address: Address) => (address.kind() === "ipv6" ? (address as ipaddr.IPv6).toRFC5952String() : address.toString());

/** One entry of a list in canonical CIDR form, or why it is not one (naming the network meant when host bits are set). */
export function canonicalNetwork(entry: string): { network: string } | { error: string } {
  const value = entry.trim();
  if (!value) return { error: `Enter ${EXAMPLE}.` };
  const [host, prefix, ...extra] = value.split("/");
  if (extra.length || !isAddress(host!) || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
    return { error: `${value} is not an IP address or range: enter ${EXAMPLE}.` };
  }
  const parsed = ipaddr.parse(host!);
  let address = unmapped(parsed);
  const width = address.kind() === "ipv4" ? 32 : 128;
  let bits = prefix === undefined ? width : Number(prefix);
  if (address !== parsed && prefix !== undefined) bits -= 96; // ::ffff:a.b.c.d/120 is a.b.c.d/24
  if (bits < 0 || bits > width) return { error: `${value} has a prefix length outside 0–${width}.` };
  const network =
    address.kind() === "ipv4"
      ? ipaddr.IPv4.networkAddressFromCIDR(`${text(address)}/${bits}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${text(address)}/${bits}`);
  if (text(network) !== text(address)) {
    return {
      error: `${value} has host bits set: the network is ${text(network)}/${bits}. Enter that, or the single address ${text(address)}.`,
    };
  }
  address = network;
  return { network: `${text(address)}/${bits}` };
}

/** The client address as lists compare it: IPv4-mapped IPv6 as IPv4; null when it cannot be read. */
export function comparableAddress(address: string | null): string | null {
  if (!address || !isAddress(address)) return null;
  return text(unmapped(ipaddr.parse(address)));
}

/**
 * The network an address is counted under in a key's address table: IPv4 per address (/32), IPv6
 * per /64 (one host's privacy addresses, or a subnet, as one row); null when it cannot be read.
 */
export function addressNetwork(address: string | null): string | null {
  const comparable = comparableAddress(address);
  if (!comparable) return null;
  if (!comparable.includes(":")) return `${comparable}/32`;
  return `${text(ipaddr.IPv6.networkAddressFromCIDR(`${comparable}/64`))}/64`;
}

/** How the address table names a network (as PostgreSQL writes it): an IPv4 address alone, an IPv6 /64 as a range in RFC 5952 form. */
export function displayNetwork(network: string): string {
  const result = canonicalNetwork(network);
  const canonical = "network" in result ? result.network : network;
  return canonical.endsWith("/32") && !canonical.includes(":") ? canonical.slice(0, -3) : canonical;
}

/**
 * Whether every address of `seen` (an address, or a range such as an IPv6 /64 of the address
 * table) is inside one of `list`'s ranges: what the dashboard counts before a list is enforced.
 */
export function isWithin(seen: string, list: readonly string[]): boolean {
  const [host, prefix] = seen.split("/");
  if (!host || !isAddress(host)) return false;
  const address = unmapped(ipaddr.parse(host));
  const bits = prefix === undefined ? (address.kind() === "ipv4" ? 32 : 128) : Number(prefix);
  return list.some((entry) => {
    const [network, width] = ipaddr.parseCIDR(entry);
    return network.kind() === address.kind() && width <= bits && address.match(network, width);
  });
}

/** `allowedNetworks` in requests: null (anywhere) or 1–50 entries, each named by its index when refused; duplicates count once. */
export const allowedNetworksSchema = z
  .array(z.unknown(), { error: `allowedNetworks must be null or a list of 1 to ${MAX_ALLOWED_NETWORKS} addresses or ranges.` })
  .min(1, `allowedNetworks must list at least one address or range (null allows any address).`)
  .max(MAX_ALLOWED_NETWORKS, `allowedNetworks lists at most ${MAX_ALLOWED_NETWORKS} addresses or ranges.`)
  .superRefine((entries, context) => {
    entries.forEach((entry, index) => {
      const result = typeof entry === "string" ? canonicalNetwork(entry) : { error: `Enter ${EXAMPLE} as text.` };
      if ("error" in result) context.addIssue({ code: "custom", path: [index], message: result.error });
    });
  })
  .meta({ items: { type: "string", maxLength: 64 } })
  .nullable()
  .transform((entries) =>
    entries === null ? null : [...new Set(entries.map((entry) => (canonicalNetwork(entry as string) as { network: string }).network))],
  );

export const networkModeSchema = z.enum(NETWORK_MODES, { error: 'networkMode must be "enforce" or "report".' });
