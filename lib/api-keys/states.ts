// The words of the SQL function api_key_secret_states (prisma/migrations/20261207120000_secret_states),
// where a key's and a secret's state are written once; every statement that needs them reads them there.
import type { KeyStatus } from "./schemas";

/** A secret on its own: the key's current one, a previous one in its grace period, or retired. */
type SecretState = "current" | "previous" | "retired";

/**
 * Whether a request with the secret works and, if not, why: the key's state when the key is not
 * active (revoked, expired), else the secret's own. `current` and `previous` work.
 */
export type SecretVerdict = Exclude<KeyStatus, "active"> | SecretState;
