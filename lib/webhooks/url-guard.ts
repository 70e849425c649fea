// Where an endpoint may point, checked when it is created or its URL changes: every address its
// host resolves to must be public (ipaddr.js's "unicast" range: not loopback, private, link-local
// such as the cloud metadata address 169.254.169.254, unique-local, multicast, unspecified or any
// other reserved range), unless it is in WEBHOOK_ALLOWED_NETWORKS; and the scheme must be https,
// unless every address is in that list. The same rule is applied again at each delivery, on the
// address actually connected to (send.ts), so a host that changes its answer later gains nothing.
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { AppError } from "@/lib/errors";
import { allowedNetworks, type Network } from "./config";

/** How long DNS may take to answer at creation before the URL is refused as unresolvable. */
const LOOKUP_TIMEOUT_MS = 5_000;

const refused = (message: string) => new AppError("invalid_input", message, { fields: { url: message } });

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback",
  private: "a private",
  linkLocal: "a link-local",
  uniqueLocal: "a unique-local",
  multicast: "a multicast",
  unspecified: "an unspecified",
};

const inList = (address: ipaddr.IPv4 | ipaddr.IPv6, list: Network[]) =>
  list.some(([network, bits]) => address.kind() === network.kind() && address.match(network, bits));

/** Throws a 400 naming `url` when the URL's host may not receive webhooks. */
export async function checkEndpointUrl(url: string): Promise<void> {
  const { protocol, hostname } = new URL(url);
  const host = hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host)
      ? [host]
      : (
          await Promise.race([
            lookup(host, { all: true, verbatim: true }),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error("DNS timeout")), LOOKUP_TIMEOUT_MS).unref()),
          ])
        ).map((entry) => entry.address);
  } catch {
    throw refused(`The host ${host} could not be resolved. Check the URL.`);
  }
  const allowed = allowedNetworks().parsed;
  let everyAllowed = addresses.length > 0;
  for (const text of addresses) {
    // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
    const address = ipaddr.process(text);
    if (inList(address, allowed)) continue;
    everyAllowed = false;
    const range = address.range();
    if (range !== "unicast") {
      throw refused(
        `The URL's host resolves to ${address.toString()}, ${RANGE_NAMES[range] ?? "a reserved"} address: webhooks go to public addresses only.`,
      );
    }
  }
  if (protocol !== "https:" && !everyAllowed) throw refused("The URL must start with https://.");
}
