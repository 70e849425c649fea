import { AppError } from "@/lib/errors";
import { MAX_ACTIVE_KEYS } from "./schemas";

export const keyNotFound = () => new AppError("not_found", "No API key with this id exists in this workspace.");

export const keyLimitReached = () =>
  new AppError(
    "key_limit_reached",
    `This workspace already has ${MAX_ACTIVE_KEYS} active API keys, the most it can have. Revoke a key you no longer use, then try again.`,
    { reason: "key_limit_reached" },
  );

/** A change that only an active key can take (rename, roll). */
export const keyNotActive = (status: "revoked" | "expired", change: string) =>
  new AppError(
    "conflict",
    status === "revoked"
      ? `This API key was revoked, so it cannot be ${change}. Create a new key instead.`
      : `This API key has expired, so it cannot be ${change}. Create a new key instead.`,
    { reason: status === "revoked" ? "key_revoked" : "key_expired" },
  );
