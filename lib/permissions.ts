// Who may do what: the one table the server checks before every operation and the
// dashboard reads to show, hide or disable controls (with the reason).
import type { Role } from "@/lib/generated/prisma/enums";

type Rule = {
  /** Workspace roles (browser session or OAuth token) allowed. */
  roles: readonly Role[];
  /** Whether an API key of the workspace may do it. */
  apiKeys: boolean;
  /** Shown to people who may not. */
  deniedReason: string;
  /** Shown to API keys that may not. */
  apiKeyDeniedReason?: string;
  /**
   * The key permission an API key needs besides `apiKeys` (lib/api-keys/permissions.ts): the
   * catalogue of key permissions is every value written here, so a new resource adds its
   * `<resource>:read` and `<resource>:write` rules in this table and nowhere else.
   */
  keyPermission?: `${string}:${"read" | "write"}`;
  /** What the key permission lets a key do, as the dashboard and the 403 say it ("read tasks"). */
  keyAbility?: string;
};

const EVERY_ROLE = ["OWNER", "ADMIN", "MEMBER"] as const satisfies readonly Role[];
const MANAGERS = ["OWNER", "ADMIN"] as const satisfies readonly Role[];
const KEYS_CANNOT_MANAGE_KEYS =
  "API keys cannot list, create, change or revoke API keys. Use an OAuth token from a workspace owner or admin.";
const AGENT_NEEDS_USER = "Agent endpoints need an OAuth access token of a user; API keys cannot call them.";

export const PERMISSIONS = {
  "apiKeys.list": {
    roles: EVERY_ROLE,
    apiKeys: false,
    deniedReason: "Only members of the workspace can see its API keys.",
    apiKeyDeniedReason: KEYS_CANNOT_MANAGE_KEYS,
  },
  "apiKeys.create": {
    roles: MANAGERS,
    apiKeys: false,
    deniedReason: "Only workspace owners and admins can add API keys.",
    apiKeyDeniedReason: KEYS_CANNOT_MANAGE_KEYS,
  },
  "apiKeys.revoke": {
    roles: MANAGERS,
    apiKeys: false,
    deniedReason: "Only workspace owners and admins can revoke API keys.",
    apiKeyDeniedReason: KEYS_CANNOT_MANAGE_KEYS,
  },
  "apiKeys.update": {
    roles: MANAGERS,
    apiKeys: false,
    deniedReason: "Only workspace owners and admins can rename API keys or change their permissions, networks and expiry.",
    apiKeyDeniedReason: KEYS_CANNOT_MANAGE_KEYS,
  },
  "apiKeys.roll": {
    roles: MANAGERS,
    apiKeys: false,
    deniedReason: "Only workspace owners and admins can roll API keys.",
    apiKeyDeniedReason: KEYS_CANNOT_MANAGE_KEYS,
  },
  "apiKeys.revokeAll": {
    roles: ["OWNER"],
    apiKeys: false,
    deniedReason: "Only workspace owners can revoke every API key at once.",
    apiKeyDeniedReason: KEYS_CANNOT_MANAGE_KEYS,
  },
  "apiKeyPolicy.read": {
    roles: EVERY_ROLE,
    apiKeys: false,
    deniedReason: "Only members of the workspace can see its key policy.",
    apiKeyDeniedReason: KEYS_CANNOT_MANAGE_KEYS,
  },
  "apiKeyPolicy.update": {
    roles: ["OWNER"],
    apiKeys: false,
    deniedReason: "Only workspace owners can change the key policy.",
    apiKeyDeniedReason: KEYS_CANNOT_MANAGE_KEYS,
  },
  "apiKeys.usage": {
    roles: EVERY_ROLE,
    apiKeys: false,
    deniedReason: "Only members of the workspace can see how its API keys are used.",
    apiKeyDeniedReason: KEYS_CANNOT_MANAGE_KEYS,
  },
  "auditLog.read": {
    roles: MANAGERS,
    apiKeys: false,
    deniedReason: "Only workspace owners and admins can read the audit log.",
    apiKeyDeniedReason: "API keys cannot read the audit log. Use an OAuth token from a workspace owner or admin.",
  },
  "webhooks.manage": {
    roles: MANAGERS,
    apiKeys: false,
    deniedReason: "Only workspace owners and admins can see and change the workspace's webhook endpoints.",
    apiKeyDeniedReason: "API keys cannot manage webhook endpoints. Use an OAuth token from a workspace owner or admin.",
  },
  "workspaces.list": { roles: EVERY_ROLE, apiKeys: true, deniedReason: "Sign in to see your workspaces." },
  // Who is calling: a key its own permissions and expiry, a person their current workspace.
  "me.read": { roles: EVERY_ROLE, apiKeys: true, deniedReason: "Sign in to see who you are." },
  // A person's own e-mail preferences (lib/mail/preferences.ts), whatever their role.
  "notifications.manage": {
    roles: EVERY_ROLE,
    apiKeys: false,
    deniedReason: "Sign in to change your e-mail preferences.",
    apiKeyDeniedReason: "E-mail preferences belong to people; API keys cannot read or change them. Use an OAuth token of a user.",
  },
  "workspaces.select": {
    roles: EVERY_ROLE,
    apiKeys: false,
    deniedReason: "Only members of a workspace can select it.",
    apiKeyDeniedReason: "An API key belongs to one workspace and cannot select another. Use an OAuth token of a user.",
  },
  "tasks.read": {
    roles: EVERY_ROLE,
    apiKeys: true,
    keyPermission: "tasks:read",
    keyAbility: "read tasks",
    deniedReason: "Only members of the workspace can read its tasks.",
  },
  "tasks.write": {
    roles: EVERY_ROLE,
    apiKeys: true,
    keyPermission: "tasks:write",
    keyAbility: "change tasks",
    deniedReason: "Only members of the workspace can change its tasks.",
  },
  "agent.access": {
    roles: EVERY_ROLE,
    apiKeys: false,
    deniedReason: "Only members of the workspace can use its agent endpoints.",
    apiKeyDeniedReason: AGENT_NEEDS_USER,
  },
  // Not a door of its own: which fields of audit events a role sees (people's addresses and browsers).
  "audit.seeClients": {
    roles: MANAGERS,
    apiKeys: false,
    deniedReason: "Only workspace owners and admins can see where changes were made from.",
  },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

export function roleMay(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}
