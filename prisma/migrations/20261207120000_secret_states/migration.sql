-- The key's and the secret's state, written once. Authentication (every request), the key list
-- and key read, the sweeper, the roll and the leak handler all read them from
-- api_key_secret_states(idle_seconds) instead of each joining a key's current secret and
-- spelling the verdict in its own words.

-- A key's state: 'revoked', 'expired' or 'active' (revocation wins over expiry).
CREATE FUNCTION "api_key_state"(revoked_at TIMESTAMPTZ, expires_at TIMESTAMPTZ)
RETURNS TEXT LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN revoked_at IS NOT NULL THEN 'revoked'
        WHEN expires_at <= now() THEN 'expired'
        ELSE 'active'
    END
$$;

-- Every secret with its key and its state, for a roll's idle time of idle_seconds:
--   state       the secret on its own: 'current' (the key's one secret with superseded_at NULL),
--               'previous' (superseded, in its grace period) or 'retired' (recorded in retired_at,
--               or past its moment by previous_secret_retires_at, recorded or not);
--   key_state   api_key_state of its key;
--   verdict     whether a request with it works and, if not, why: the key's state when the key is
--               not active, else the secret's state ('current' and 'previous' work);
--   retires_at  the moment a previous secret retires by time (NULL for a current secret), and
--   current_first_used_at  the first use of the key's current secret, which that moment depends on.
-- A plain SQL function of one SELECT, so PostgreSQL inlines it into the statement that calls it
-- and plans the whole (e.g. authentication's lookup by hash stays one index probe per table).
CREATE FUNCTION "api_key_secret_states"(idle_seconds INTEGER)
RETURNS TABLE (
    "id" TEXT,
    "key_id" TEXT,
    "workspace_id" TEXT,
    "description" TEXT,
    "key_expires_at" TIMESTAMPTZ,
    "hash" TEXT,
    "hint" TEXT,
    "superseded_at" TIMESTAMPTZ,
    "expires_at" TIMESTAMPTZ,
    "retired_at" TIMESTAMPTZ,
    "first_used_at" TIMESTAMPTZ,
    "last_used_at" TIMESTAMPTZ,
    "last_used_ip" TEXT,
    "last_used_user_agent" TEXT,
    "current_first_used_at" TIMESTAMPTZ,
    "retires_at" TIMESTAMPTZ,
    "key_state" TEXT,
    "state" TEXT,
    "verdict" TEXT
) LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT x."id", x."key_id", x."workspace_id", x."description", x."key_expires_at", x."hash", x."hint",
           x."superseded_at", x."expires_at", x."retired_at", x."first_used_at", x."last_used_at",
           x."last_used_ip", x."last_used_user_agent", x."current_first_used_at", x."retires_at", x."key_state",
           x."state",
           CASE WHEN x."key_state" <> 'active' THEN x."key_state" ELSE x."state" END
    FROM (
        SELECT y.*,
               CASE
                   WHEN y."superseded_at" IS NULL THEN 'current'
                   WHEN y."retired_at" IS NOT NULL OR now() >= y."retires_at" THEN 'retired'
                   ELSE 'previous'
               END AS "state"
        FROM (
            SELECT s."id", s."key_id", k."workspace_id", k."description", k."expires_at" AS "key_expires_at", s."hash", s."hint",
                   s."superseded_at", s."expires_at", s."retired_at", s."first_used_at", s."last_used_at",
                   s."last_used_ip", s."last_used_user_agent", cur."first_used_at" AS "current_first_used_at",
                   previous_secret_retires_at(s."superseded_at", s."expires_at", s."last_used_at", cur."first_used_at", idle_seconds) AS "retires_at",
                   api_key_state(k."revoked_at", k."expires_at") AS "key_state"
            FROM "api_key_secrets" s
            JOIN "api_keys" k ON k."id" = s."key_id"
            -- Only a previous secret needs its key's current one (LIMIT 1 keeps this a subquery, so
            -- the lookup is skipped for a current secret instead of made and discarded).
            LEFT JOIN LATERAL (
                SELECT c."first_used_at" FROM "api_key_secrets" c
                WHERE s."superseded_at" IS NOT NULL AND c."key_id" = s."key_id" AND c."superseded_at" IS NULL
                LIMIT 1
            ) cur ON true
        ) y
    ) x
$$;
