// The addresses a key is used from, counted in memory beside the usage counts (lib/usage/
// counter.ts) and written by the same flush statement: per key, network (IPv4 /32, IPv6 /64,
// lib/api-keys/networks.ts) and UTC day, the requests (blocked ones included), the served ones,
// first and last seen, and the latest request's own address and user agent.
import { addressNetwork, comparableAddress } from "@/lib/api-keys/networks";
import { boundedMemo } from "@/lib/bounded-memo";

export type AddressCounts = {
  requests: number;
  served: number;
  firstSeen: number;
  lastSeen: number;
  lastAddress: string;
  lastUserAgent: string | null;
};

const DAY_MS = 86_400_000;
/** User agents are kept for reading, not as a store for whatever a client sends. */
const USER_AGENT_MAX = 256;
/** "network address" (the address IPv4-mapped forms taken as IPv4), or "" when it cannot be read. */
const placeOf = boundedMemo((address) => {
  const network = addressNetwork(address);
  return network ? `${network} ${comparableAddress(address)}` : "";
});

/** Adds one request of `keyId` from `address` to `pending`; a request without a readable address is not counted here. */
export function countAddress(
  pending: Map<string, AddressCounts>,
  keyId: string,
  address: string | null,
  userAgent: string | null,
  served: boolean,
  at: number,
): void {
  const place = address ? placeOf(address) : "";
  if (!place) return;
  const [network, comparable] = place.split(" ") as [string, string];
  const key = `${keyId} ${network} ${Math.floor(at / DAY_MS) * DAY_MS}`;
  const counts = pending.get(key);
  const agent = userAgent ? userAgent.slice(0, USER_AGENT_MAX) : null;
  if (!counts) {
    pending.set(key, { requests: 1, served: served ? 1 : 0, firstSeen: at, lastSeen: at, lastAddress: comparable, lastUserAgent: agent });
    return;
  }
  counts.requests++;
  if (served) counts.served++;
  counts.firstSeen = Math.min(counts.firstSeen, at);
  if (at >= counts.lastSeen) Object.assign(counts, { lastSeen: at, lastAddress: comparable, lastUserAgent: agent });
}

/** Folds counts that could not be written back into what was counted since. */
export function mergeAddresses(into: Map<string, AddressCounts>, from: Map<string, AddressCounts>): void {
  for (const [key, counts] of from) {
    const current = into.get(key);
    if (!current) {
      into.set(key, counts);
      continue;
    }
    current.requests += counts.requests;
    current.served += counts.served;
    current.firstSeen = Math.min(current.firstSeen, counts.firstSeen);
    if (counts.lastSeen > current.lastSeen) {
      Object.assign(current, { lastSeen: counts.lastSeen, lastAddress: counts.lastAddress, lastUserAgent: counts.lastUserAgent });
    }
  }
}

/** The batch as the flush statement's parallel arrays. */
export function addressColumns(batch: Map<string, AddressCounts>) {
  const columns = {
    keys: [] as string[],
    networks: [] as string[],
    days: [] as string[],
    requests: [] as number[],
    served: [] as number[],
    firstSeen: [] as string[],
    lastSeen: [] as string[],
    lastAddresses: [] as string[],
    lastUserAgents: [] as (string | null)[],
  };
  for (const [key, counts] of batch) {
    const [keyId, network, day] = key.split(" ");
    columns.keys.push(keyId!);
    columns.networks.push(network!);
    columns.days.push(new Date(Number(day)).toISOString().slice(0, 10));
    columns.requests.push(counts.requests);
    columns.served.push(counts.served);
    columns.firstSeen.push(new Date(counts.firstSeen).toISOString());
    columns.lastSeen.push(new Date(counts.lastSeen).toISOString());
    columns.lastAddresses.push(counts.lastAddress);
    columns.lastUserAgents.push(counts.lastUserAgent);
  }
  return columns;
}
