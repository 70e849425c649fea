// Webhook settings from the environment, read on every call (like lib/env.ts) so that a process or
// a test that sets them before use gets them.
import ipaddr from "ipaddr.js";

/** Seconds after each failed attempt before the next one; after the last, the delivery fails. */
const DEFAULT_RETRY_SCHEDULE = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600];

/** WEBHOOK_RETRY_SCHEDULE: seconds, comma-separated (e.g. "5,300,1800"); default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export function retrySchedule(): number[] {
  const raw = process.env.WEBHOOK_RETRY_SCHEDULE?.trim();
  if (!raw) return DEFAULT_RETRY_SCHEDULE;
  const seconds = raw.split(",").map((part) => Number(part.trim()));
  if (seconds.some((value) => !Number.isFinite(value) || value < 0)) {
    throw new Error(`WEBHOOK_RETRY_SCHEDULE must be seconds separated by commas, e.g. "5,300,1800"; got "${raw}".`);
  }
  return seconds;
}

export type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** WEBHOOK_ALLOWED_NETWORKS: CIDRs (or single addresses) that endpoints may use although they are not public. Default none. */
export function allowedNetworks(): { text: string[]; parsed: Network[] } {
  const raw = process.env.WEBHOOK_ALLOWED_NETWORKS ?? "";
  const parts = raw
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  try {
    const parsed = parts.map((part) =>
      part.includes("/") ? ipaddr.parseCIDR(part) : ([ipaddr.parse(part), ipaddr.parse(part).kind() === "ipv4" ? 32 : 128] as Network),
    );
    return { text: parsed.map(([address, bits]) => `${address.toString()}/${bits}`), parsed };
  } catch (error) {
    throw new Error(`WEBHOOK_ALLOWED_NETWORKS must be CIDRs separated by commas, e.g. "10.0.0.0/8, 127.0.0.1/32"; got "${raw}".`, {
      cause: error,
    });
  }
}
