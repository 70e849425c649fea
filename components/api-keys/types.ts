import type { ApiKeyDto } from "@/lib/api-keys/schemas";

export type { ApiKeyDto };
export type { KeyList } from "@/lib/ui/browser/rest";

/** What the caller may do, with the reason when not (from lib/permissions.ts). */
export type Allowance = { allowed: boolean; reason: string };
