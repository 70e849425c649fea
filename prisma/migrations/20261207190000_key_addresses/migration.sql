-- The addresses a key is used from (GET …/api-keys/{id}/addresses, insights' networks): one row
-- per key, network and UTC day, so any window of whole days (the last 7 for the enforce
-- confirmation, the last 30 for the table) is a sum. `network` is the address as a /32 for IPv4
-- and its /64 for IPv6; `last_address` is the latest request's own address (whether it is inside
-- the key's current list is judged on it). Written by the usage flush (lib/usage/counter.ts),
-- never on the request path; rows older than 90 days, and rows of networks beyond a key's 1,000
-- most recently seen, are deleted by the hourly prune (lib/jobs.ts).
CREATE TABLE "api_key_addresses" (
    "key_id" TEXT NOT NULL,
    "network" INET NOT NULL,
    "day" DATE NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "served" INTEGER NOT NULL DEFAULT 0,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_address" INET NOT NULL,
    "last_user_agent" TEXT,
    CONSTRAINT "api_key_addresses_pkey" PRIMARY KEY ("key_id", "network", "day"),
    CONSTRAINT "api_key_addresses_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "api_key_addresses_day_idx" ON "api_key_addresses"("day");

-- A mode exactly while there is a list, and only the two known modes: the authentication
-- statement treats anything but 'report' as enforce, and this keeps a hand-written row honest.
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_network_mode_check"
  CHECK (("allowed_networks" IS NULL) = ("network_mode" IS NULL) AND ("network_mode" IS NULL OR "network_mode" IN ('enforce', 'report')));
