// Where a key is used from (GET …/api-keys/{id}/addresses): per IPv4 address or IPv6 /64, over the
// last `days` whole UTC days (30 by default), from the rows the usage flush writes
// (lib/usage/address-counts.ts). `allowed` judges each row's latest request against the key's
// list as it is now, so the table answers "what would the current list refuse?". One statement.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { keyNotFound } from "@/lib/api-keys/errors";
import { displayNetwork } from "@/lib/api-keys/networks";
import { query, sql } from "@/lib/db/sql";
import { isPlausibleId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { addressesQuery, type KeyAddressesDto } from "./schemas";

const ADDRESSES_SHOWN = 1_000;

type Row = {
  found: boolean;
  network: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
  requests: number;
  last_user_agent: string | null;
  allowed: boolean | null;
};

export async function listKeyAddresses(actor: Actor, input: { keyId: string; query: unknown }): Promise<KeyAddressesDto> {
  const scope = authorize(actor, "apiKeys.usage");
  if (!isPlausibleId(input.keyId)) throw keyNotFound();
  const { days } = parseInput(addressesQuery, input.query);
  const rows = await query<Row>(
    sql`WITH key AS (
          SELECT "id", "allowed_networks" FROM "api_keys" WHERE "id" = ${input.keyId} AND "workspace_id" = ${scope.workspaceId}
        ),
        seen AS (
          SELECT a."network",
                 min(a."first_seen_at") AS first_seen_at,
                 max(a."last_seen_at") AS last_seen_at,
                 sum(a."requests")::int AS requests,
                 (array_agg(a."last_address" ORDER BY a."last_seen_at" DESC))[1] AS last_address,
                 (array_agg(a."last_user_agent" ORDER BY a."last_seen_at" DESC))[1] AS last_user_agent
          FROM "api_key_addresses" a JOIN key ON a."key_id" = key."id"
          WHERE a."day" > (now() AT TIME ZONE 'UTC')::date - ${days}::int
          GROUP BY a."network"
          ORDER BY last_seen_at DESC, a."network"
          LIMIT ${ADDRESSES_SHOWN}
        )
        SELECT true AS found, seen."network"::text AS network, seen.first_seen_at, seen.last_seen_at, seen.requests, seen.last_user_agent,
               CASE WHEN key."allowed_networks" IS NULL THEN NULL
                    ELSE EXISTS (SELECT 1 FROM jsonb_array_elements_text(key."allowed_networks") AS n(cidr) WHERE seen.last_address <<= n.cidr::cidr)
               END AS allowed
        FROM key LEFT JOIN seen ON true
        ORDER BY seen.last_seen_at DESC, seen."network"`,
  );
  if (rows.length === 0) throw keyNotFound();
  return {
    data: rows
      .filter((row) => row.network !== null)
      .map((row) => ({
        address: displayNetwork(row.network!),
        firstSeenAt: row.first_seen_at.toISOString(),
        lastSeenAt: row.last_seen_at.toISOString(),
        requests: row.requests,
        lastUserAgent: row.last_user_agent,
        allowed: row.allowed,
      })),
  };
}
