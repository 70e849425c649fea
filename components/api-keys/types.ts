import type { createApiKeyAction, revokeApiKeyAction } from "@/app/(dashboard)/settings/developer/api-keys/actions";
import type { renameApiKeyAction, rollApiKeyAction } from "@/app/(dashboard)/settings/developer/api-keys/[keyId]/actions";
import type { ApiKeyDto } from "@/lib/api-keys/schemas";

export type { ApiKeyDto };
export type { KeyList } from "./requests";

/** The server actions the page hands to its client components, typed from their definitions. */
export type ApiKeyActions = {
  create: typeof createApiKeyAction;
  revoke: typeof revokeApiKeyAction;
  rename: typeof renameApiKeyAction;
  roll: typeof rollApiKeyAction;
};

/** What the caller may do, with the reason when not (from lib/permissions.ts). */
export type Allowance = { allowed: boolean; reason: string };
