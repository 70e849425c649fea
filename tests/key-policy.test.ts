// The workspace key policy and incident response, against the real database: who may read and
// change the policy and revoke every key; bad policies refused naming the field; each rule at
// creation, change and roll (maximum lifetime, default permissions, required networks); the
// violations existing keys carry; revoke-all's confirmation, its one transaction and its race
// with creates; and the unused-key job (warned first, revoked 7 days later, once across workers).
import { beforeEach, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { getApiKey } from "@/lib/api-keys/get";
import { getApiKeyPolicy, updateApiKeyPolicy } from "@/lib/api-keys/policy";
import type { ApiKeyPolicy } from "@/lib/api-keys/policy-schemas";
import { revokeAllApiKeys } from "@/lib/api-keys/revoke-all";
import { rollApiKey } from "@/lib/api-keys/roll";
import { revokeUnusedKeys } from "@/lib/api-keys/unused";
import { updateApiKey } from "@/lib/api-keys/update";
import { db } from "@/lib/db/client";
import { execute, sql } from "@/lib/db/sql";
import type { AppError } from "@/lib/errors";
import { createWorkspace } from "./fixtures";
import { outcome } from "./helpers/outcome";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
beforeEach(async () => {
  ws = await createWorkspace();
});

const OPEN: ApiKeyPolicy = { maxLifetimeDays: null, defaultPermissions: null, requireAllowedNetworks: false, revokeUnusedAfterDays: null };
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const fieldsOf = (run: () => Promise<unknown>) =>
  run().then(
    () => [],
    (error: AppError) => Object.keys(error.fields ?? {}),
  );
const setPolicy = (policy: Partial<typeof OPEN>) => updateApiKeyPolicy(ws.owner, { ...OPEN, ...policy });

describe("who may", () => {
  it.each([
    ["owner", "ok", "ok", "ok"],
    ["admin", "ok", "forbidden", "forbidden"],
    ["member", "ok", "forbidden", "forbidden"],
    ["outsider", "not_found", "not_found", "not_found"],
  ] as const)("%s: read %s, change %s, revoke all %s", async (role, read, change, revokeAll) => {
    const actor = ws[role];
    expect({
      read: await outcome(() => getApiKeyPolicy(actor)),
      change: await outcome(() => updateApiKeyPolicy(actor, { ...OPEN, maxLifetimeDays: 30 })),
      revokeAll: await outcome(() => revokeAllApiKeys(actor, { confirm: ws.workspace.slug })),
    }).toEqual({ read, change, revokeAll });
  });

  it("an admin's refused change and revoke-all change nothing, whatever confirm says", async () => {
    const key = await createApiKey(ws.owner, { description: "kept" });
    await outcome(() => updateApiKeyPolicy(ws.admin, { ...OPEN, maxLifetimeDays: 30 }));
    await outcome(() => revokeAllApiKeys(ws.admin, { confirm: ws.workspace.slug }));
    expect({ policy: await getApiKeyPolicy(ws.member), status: (await getApiKey(ws.member, { keyId: key.id })).status }).toEqual({
      policy: OPEN,
      status: "active",
    });
  });
});

describe("the policy", () => {
  it("is stored whole, normalised, and recorded with from and to", async () => {
    const policy = await setPolicy({ maxLifetimeDays: 90, defaultPermissions: ["tasks:read", "tasks:write"], revokeUnusedAfterDays: 30 });
    const [event] = await db().auditEvent.findMany({ where: { workspaceId: ws.workspace.id, action: "workspace.api_key_policy_updated" } });
    expect({ policy, read: await getApiKeyPolicy(ws.member), event: [event?.targetType, event?.metadata] }).toEqual({
      policy: { ...OPEN, maxLifetimeDays: 90, defaultPermissions: ["tasks:write"], revokeUnusedAfterDays: 30 },
      read: { ...OPEN, maxLifetimeDays: 90, defaultPermissions: ["tasks:write"], revokeUnusedAfterDays: 30 },
      event: [
        "workspace",
        { from: OPEN, to: { ...OPEN, maxLifetimeDays: 90, defaultPermissions: ["tasks:write"], revokeUnusedAfterDays: 30 } },
      ],
    });
  });

  it.each([
    ["maxLifetimeDays 0", { maxLifetimeDays: 0 }, ["maxLifetimeDays"]],
    ["maxLifetimeDays 367", { maxLifetimeDays: 367 }, ["maxLifetimeDays"]],
    ["maxLifetimeDays 1.5", { maxLifetimeDays: 1.5 }, ["maxLifetimeDays"]],
    ["maxLifetimeDays as text", { maxLifetimeDays: "90" }, ["maxLifetimeDays"]],
    ["revokeUnusedAfterDays 6", { revokeUnusedAfterDays: 6 }, ["revokeUnusedAfterDays"]],
    ["revokeUnusedAfterDays 367", { revokeUnusedAfterDays: 367 }, ["revokeUnusedAfterDays"]],
    ["an unknown permission", { defaultPermissions: ["tasks:delete"] }, ["defaultPermissions"]],
    ["requireAllowedNetworks not a boolean", { requireAllowedNetworks: "yes" }, ["requireAllowedNetworks"]],
  ])("%s is refused naming it", async (_name, change, fields) => {
    expect(await fieldsOf(() => updateApiKeyPolicy(ws.owner, { ...OPEN, ...change }))).toEqual(fields);
  });

  it("a PUT without every field is refused naming the missing one, and changes nothing", async () => {
    const partial: Partial<ApiKeyPolicy> = { ...OPEN, maxLifetimeDays: 30 };
    delete partial.revokeUnusedAfterDays;
    expect({ fields: await fieldsOf(() => updateApiKeyPolicy(ws.owner, partial)), policy: await getApiKeyPolicy(ws.owner) }).toEqual({
      fields: ["revokeUnusedAfterDays"],
      policy: OPEN,
    });
  });
});

describe("kept where keys are made and changed", () => {
  it("maxLifetimeDays: no expiry or a later one is refused at creation and in PATCH, naming the maximum; a rename and a roll are not checked", async () => {
    const before = await createApiKey(ws.owner, { description: "from before" });
    await setPolicy({ maxLifetimeDays: 90 });
    const refused = await createApiKey(ws.owner, { description: "forever" }).catch((error: AppError) => error);
    expect({
      noExpiry: (refused as AppError).fields,
      tooLate: await fieldsOf(() => createApiKey(ws.owner, { description: "too late", expiresAt: inDays(91) })),
      within: await outcome(() => createApiKey(ws.owner, { description: "within", expiresAt: inDays(90) })),
      patchNever: await fieldsOf(() => updateApiKey(ws.owner, { keyId: before.id, changes: { expiresAt: null } })),
      rename: await outcome(() => updateApiKey(ws.owner, { keyId: before.id, changes: { description: "renamed" } })),
      roll: await outcome(() => rollApiKey(ws.owner, { keyId: before.id, options: {} })),
    }).toEqual({
      noExpiry: { expiresAt: "This workspace's key policy allows keys to live at most 90 days. Choose an expiry within 90 days." },
      tooLate: ["expiresAt"],
      within: "ok",
      patchNever: ["expiresAt"],
      rename: "ok",
      roll: "ok",
    });
  });

  it("defaultPermissions: a key created without permissions gets them; an explicit null is still full access", async () => {
    await setPolicy({ defaultPermissions: ["tasks:read"] });
    const defaulted = await createApiKey(ws.owner, { description: "defaulted" });
    const full = await createApiKey(ws.owner, { description: "explicit", permissions: null });
    expect([defaulted.permissions, full.permissions]).toEqual([["tasks:read"], null]);
  });

  it("requireAllowedNetworks: a key without networks is refused at creation, and removing them in PATCH is refused", async () => {
    await setPolicy({ requireAllowedNetworks: true });
    const listed = await createApiKey(ws.owner, { description: "listed", allowedNetworks: ["203.0.113.0/24"], networkMode: "report" });
    expect({
      missing: await fieldsOf(() => createApiKey(ws.owner, { description: "anywhere" })),
      removed: await fieldsOf(() => updateApiKey(ws.owner, { keyId: listed.id, changes: { allowedNetworks: null } })),
      modeOnly: await outcome(() => updateApiKey(ws.owner, { keyId: listed.id, changes: { networkMode: "enforce" } })),
    }).toEqual({ missing: ["allowedNetworks"], removed: ["allowedNetworks"], modeOnly: "ok" });
  });
});

describe("existing keys that break the policy", () => {
  it("carry policyViolations until fixed; nothing about them changes", async () => {
    const key = await createApiKey(ws.owner, { description: "old", expiresAt: inDays(200) });
    const revoked = await createApiKey(ws.owner, { description: "gone" });
    await execute(sql`UPDATE "api_keys" SET "revoked_at" = now() WHERE "id" = ${revoked.id}`);
    await setPolicy({ maxLifetimeDays: 90, requireAllowedNetworks: true });
    const violations = async (keyId: string) => (await getApiKey(ws.member, { keyId })).policyViolations;
    const broken = await violations(key.id);
    await updateApiKey(ws.owner, { keyId: key.id, changes: { expiresAt: inDays(30) } });
    const halfFixed = await violations(key.id);
    await updateApiKey(ws.owner, { keyId: key.id, changes: { allowedNetworks: ["203.0.113.0/24"] } });
    expect({ broken, halfFixed, fixed: await violations(key.id), revoked: await violations(revoked.id) }).toEqual({
      broken: ["maxLifetime", "allowedNetworks"],
      halfFixed: ["allowedNetworks"],
      fixed: [],
      revoked: [],
    });
  });
});

describe("revoke all", () => {
  it.each([
    ["missing", {}],
    ["wrong", { confirm: "not-the-slug" }],
  ])("a %s confirm is refused naming it, and nothing is revoked", async (_name, input) => {
    const key = await createApiKey(ws.owner, { description: "kept" });
    expect({
      fields: await fieldsOf(() => revokeAllApiKeys(ws.owner, input)),
      status: (await getApiKey(ws.owner, { keyId: key.id })).status,
    }).toEqual({ fields: ["confirm"], status: "active" });
  });

  it("revokes every active and expired key in one go, one bulk event each; the next request with any is refused; a new key works", async () => {
    const active = await createApiKey(ws.owner, { description: "active" });
    const expired = await createApiKey(ws.owner, { description: "expired" });
    await execute(sql`UPDATE "api_keys" SET "expires_at" = now() - interval '1 hour' WHERE "id" = ${expired.id}`);
    const other = await createWorkspace();
    const elsewhere = await createApiKey(other.owner, { description: "another workspace" });
    const result = await revokeAllApiKeys(ws.owner, { confirm: ws.workspace.slug });
    const events = await db().auditEvent.findMany({ where: { workspaceId: ws.workspace.id, action: "api_key.revoked" } });
    const after = await createApiKey(ws.owner, { description: "after" });
    const works = async (secret: string) => (await authenticateApiKey(secret, { ip: "203.0.113.7", userAgent: "vitest" })).outcome;
    expect({
      result,
      events: events.map((event) => [event.targetId, (event.metadata as { bulk?: boolean }).bulk]).sort(),
      active: await works(active.secret),
      expired: await works(expired.secret),
      after: await works(after.secret),
      elsewhere: await works(elsewhere.secret),
      again: await revokeAllApiKeys(ws.owner, { confirm: ws.workspace.slug }),
    }).toEqual({
      result: { revoked: 2 },
      events: [
        [active.id, true],
        [expired.id, true],
      ].sort(),
      active: "denied",
      expired: "denied",
      after: "accepted",
      elsewhere: "accepted",
      again: { revoked: 1 },
    });
  });

  it("racing creates: each key is either revoked by it with its event, or created after it and working", async () => {
    await db().workspace.update({ where: { id: ws.workspace.id }, data: { rateLimitBurst: 1000, rateLimitQuota: 1000 } });
    const before = await createApiKey(ws.owner, { description: "before" });
    const [revokedAll, ...created] = await Promise.all([
      revokeAllApiKeys(ws.owner, { confirm: ws.workspace.slug }),
      ...Array.from({ length: 6 }, (_, i) => createApiKey(ws.owner, { description: `racing ${i}` })),
    ]);
    const bulk = new Set(
      (await db().auditEvent.findMany({ where: { workspaceId: ws.workspace.id, action: "api_key.revoked" } })).map(
        (event) => event.targetId,
      ),
    );
    const states = await Promise.all(
      [before, ...created].map(async (key) => {
        const outcome = (await authenticateApiKey(key.secret, { ip: "203.0.113.7", userAgent: "vitest" })).outcome;
        return outcome === "denied" ? (bulk.has(key.id) ? "revoked with its event" : "revoked without an event") : outcome;
      }),
    );
    expect({
      before: states[0],
      racing: states.slice(1).every((state) => state === "revoked with its event" || state === "accepted"),
      counted: (revokedAll as { revoked: number }).revoked === bulk.size,
    }).toEqual({ before: "revoked with its event", racing: true, counted: true });
  });
});

describe("unused keys", () => {
  /** Makes a key look unused for `days`: created then, never used since. */
  const idleFor = (keyId: string, days: number) =>
    execute(sql`UPDATE "api_keys" SET "created_at" = now() - make_interval(days => ${days}) WHERE "id" = ${keyId}`);

  it("a key past the limit is warned first and revoked 7 days later, by the policy's system actor; a used key is left alone", async () => {
    const idle = await createApiKey(ws.owner, { description: "idle" });
    const used = await createApiKey(ws.owner, { description: "used" });
    await idleFor(idle.id, 40);
    await idleFor(used.id, 40);
    await authenticateApiKey(used.secret, { ip: "203.0.113.7", userAgent: "vitest" });
    await setPolicy({ revokeUnusedAfterDays: 30 });
    const first = await revokeUnusedKeys();
    const statusNow = (await getApiKey(ws.owner, { keyId: idle.id })).status;
    // Seven days pass since the warning.
    await execute(sql`UPDATE "api_keys" SET "unused_warned_at" = now() - interval '7 days 1 minute' WHERE "id" = ${idle.id}`);
    const [a, b] = await Promise.all([revokeUnusedKeys(), revokeUnusedKeys()]);
    const events = await db().auditEvent.findMany({
      where: { workspaceId: ws.workspace.id, action: "api_key.revoked", targetId: idle.id },
    });
    expect({
      warned: first.warned >= 1,
      statusNow,
      revokedOnce: a.revoked + b.revoked >= 1 && events.length === 1,
      actor: [events[0]?.actorType, events[0]?.actorName],
      idle: (await getApiKey(ws.owner, { keyId: idle.id })).status,
      used: (await getApiKey(ws.owner, { keyId: used.id })).status,
    }).toEqual({
      warned: true,
      statusNow: "active",
      revokedOnce: true,
      actor: ["system", "Unused key policy"],
      idle: "revoked",
      used: "active",
    });
  });

  it("a warned key says when it will be revoked, 7 days after the warning, to every member; a request clears that", async () => {
    const key = await createApiKey(ws.owner, { description: "marked" });
    await idleFor(key.id, 40);
    await setPolicy({ revokeUnusedAfterDays: 30 });
    const revocationAt = async () => (await getApiKey(ws.member, { keyId: key.id })).unusedRevocationAt;
    const before = await revocationAt();
    await revokeUnusedKeys();
    const marked = await revocationAt();
    await authenticateApiKey(key.secret, { ip: "203.0.113.7", userAgent: "vitest" });
    const sevenDays = Date.now() + 7 * 86_400_000;
    expect({
      before,
      inSevenDays: marked !== null && Math.abs(Date.parse(marked) - sevenDays) < 60_000,
      afterUse: await revocationAt(),
    }).toEqual({ before: null, inSevenDays: true, afterUse: null });
  });

  it("a key used after its warning is not revoked, and is warned again only when idle again", async () => {
    const key = await createApiKey(ws.owner, { description: "comes back" });
    await idleFor(key.id, 40);
    await setPolicy({ revokeUnusedAfterDays: 30 });
    await revokeUnusedKeys();
    await execute(sql`UPDATE "api_keys" SET "unused_warned_at" = now() - interval '8 days' WHERE "id" = ${key.id}`);
    await authenticateApiKey(key.secret, { ip: "203.0.113.7", userAgent: "vitest" });
    await revokeUnusedKeys();
    expect((await getApiKey(ws.owner, { keyId: key.id })).status).toBe("active");
  });
});
