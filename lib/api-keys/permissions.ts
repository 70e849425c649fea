// What an API key may do: its `permissions`, null for full access (every permission a key can
// hold, now and later) or a list of catalogue ids, one per resource at its highest level.
// The catalogue is read from the permission table (lib/permissions.ts, `keyPermission`); within
// a resource `write` includes `read`. Everything that compares, stores or shows key permissions
// goes through this file: the schemas, authentication (which ids satisfy a need), the insights.
import { z } from "zod";
import { PERMISSIONS, type Permission } from "@/lib/permissions";

const LEVELS = ["read", "write"] as const;
type Level = (typeof LEVELS)[number];

type Entry = { id: string; resource: string; level: Level; ability: string };

const CATALOGUE: Entry[] = Object.values(PERMISSIONS as Record<string, { keyPermission?: string; keyAbility?: string }>)
  .filter((rule) => rule.keyPermission)
  .map((rule) => {
    const [resource, level] = rule.keyPermission!.split(":") as [string, Level];
    return { id: rule.keyPermission!, resource, level, ability: rule.keyAbility ?? rule.keyPermission! };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

/** Every key permission id, e.g. ["tasks:read", "tasks:write"]. */
export const KEY_PERMISSION_IDS = CATALOGUE.map((entry) => entry.id) as [string, ...string[]];

/** The resources keys can be given access to, in order, e.g. ["tasks"]. */
export const KEY_RESOURCES = [...new Set(CATALOGUE.map((entry) => entry.resource))];

const entry = (id: string) => CATALOGUE.find((candidate) => candidate.id === id);
const rank = (level: Level) => LEVELS.indexOf(level);

/** One id per resource at its highest level, in catalogue order: ["tasks:read","tasks:write"] → ["tasks:write"]. */
export function normalisePermissions(ids: readonly string[]): string[] {
  const highest = new Map<string, Entry>();
  for (const id of ids) {
    const found = entry(id);
    if (!found) continue;
    const held = highest.get(found.resource);
    if (!held || rank(found.level) > rank(held.level)) highest.set(found.resource, found);
  }
  return CATALOGUE.filter((candidate) => highest.get(candidate.resource) === candidate).map((candidate) => candidate.id);
}

/** Full access spelled out: every resource at its highest level. */
export const FULL_ACCESS = normalisePermissions(KEY_PERMISSION_IDS);

/** The ids that grant `needed` (it, and the higher levels of its resource). */
export function idsGranting(needed: string): string[] {
  const wanted = entry(needed);
  if (!wanted) throw new Error(`Unknown key permission ${needed}.`);
  return CATALOGUE.filter((candidate) => candidate.resource === wanted.resource && rank(candidate.level) >= rank(wanted.level)).map(
    (candidate) => candidate.id,
  );
}

/** Whether a key holding `granted` (null: full access) may do what needs `needed`. */
export function grants(granted: readonly string[] | null, needed: string): boolean {
  return granted === null || idsGranting(needed).some((id) => granted.includes(id));
}

/** The key permission an action of the permission table needs, if any. */
export function keyPermissionFor(permission: Permission): string | null {
  return (PERMISSIONS[permission] as { keyPermission?: string }).keyPermission ?? null;
}

/** What `id` lets a key do, e.g. "change tasks". */
export const abilityOf = (id: string) => entry(id)?.ability ?? id;

/** Per resource, the level granted beyond the level used: what a key could lose without breaking its traffic. */
export function unusedPermissions(granted: readonly string[], used: readonly string[]): string[] {
  return granted.filter((id) => {
    const held = entry(id)!;
    const usedHere = used.map(entry).find((u) => u?.resource === held.resource);
    return !usedHere || rank(usedHere.level) < rank(held.level);
  });
}

/** A resource's level in a key's permissions: "none", "read" or "write" (full access: the highest). */
export type ResourceLevel = "none" | Level;

export function levelOf(permissions: readonly string[] | null, resource: string): ResourceLevel {
  if (permissions === null) return "write";
  const held = permissions.map(entry).filter((found) => found?.resource === resource);
  return held.reduce<ResourceLevel>((best, found) => (best === "none" || rank(found!.level) > rank(best) ? found!.level : best), "none");
}

/** The permissions for a level per resource (resources at "none" are left out). */
export const permissionsFromLevels = (levels: Record<string, ResourceLevel>): string[] =>
  normalisePermissions(
    KEY_RESOURCES.flatMap((resource) => (levels[resource] && levels[resource] !== "none" ? [`${resource}:${levels[resource]}`] : [])),
  );

/** Every resource at read: what "Read only" means. */
export const READ_ONLY = normalisePermissions(KEY_RESOURCES.map((resource) => `${resource}:read`));

/** A key's access in a word, as the list shows it. */
export function accessLabel(permissions: readonly string[] | null): "Full access" | "Read only" | "Custom" {
  if (permissions === null) return "Full access";
  return JSON.stringify(normalisePermissions(permissions)) === JSON.stringify(READ_ONLY) ? "Read only" : "Custom";
}

/** A bound on what a request may list (ids given twice count once, but are still parsed). */
const MAX_LISTED = 20;

const PERMISSIONS_ERROR = `permissions must be null (full access) or a non-empty list of: ${KEY_PERMISSION_IDS.join(", ")}.`;

/**
 * `permissions` in requests: null (full access) or a non-empty list of catalogue ids, stored
 * normalised. Every refusal names `permissions` itself (not the entry), as the REST contract says.
 */
export const permissionsSchema = z
  .array(z.unknown(), { error: PERMISSIONS_ERROR })
  .min(1, PERMISSIONS_ERROR)
  .max(MAX_LISTED, `permissions lists at most ${MAX_LISTED} entries.`)
  .superRefine((ids, context) => {
    const unknown = ids.find((id) => typeof id !== "string" || !entry(id));
    if (unknown !== undefined) {
      context.addIssue({ code: "custom", path: [], message: `Unknown permission ${JSON.stringify(unknown)}. ${PERMISSIONS_ERROR}` });
    }
  })
  // What the API document says each entry is (the check above is what enforces it).
  .meta({ items: { type: "string", enum: KEY_PERMISSION_IDS } })
  .nullable()
  .transform((ids) => (ids === null ? null : normalisePermissions(ids as string[])));

/** `permissions` in answers. */
export const permissionsOutput = z
  .array(z.enum(KEY_PERMISSION_IDS))
  .nullable()
  .describe(
    `null: full access (every permission a key can hold, now and later). Otherwise one id per resource at its highest level; ${KEY_PERMISSION_IDS.filter((id) => id.endsWith(":write")).join(", ")} includes reading.`,
  );
