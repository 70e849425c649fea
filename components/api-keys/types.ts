import type { ApiKeyDto } from "@/lib/api-keys/schemas";
import type { ActionResult } from "@/lib/ui/action-result";

export type { ApiKeyDto };
export type KeyList = { data: ApiKeyDto[]; limit: number };

/** The server actions the page hands to its client components. */
export type ApiKeyActions = {
  list: () => Promise<ActionResult<KeyList>>;
  create: (input: { description: string }) => Promise<ActionResult<{ key: ApiKeyDto; secret: string }>>;
  revoke: (keyId: string) => Promise<ActionResult<ApiKeyDto>>;
};

/** What the caller may do, with the reason when not (from lib/permissions.ts). */
export type Allowance = { allowed: boolean; reason: string };
