// Key lifecycle against a real PostgreSQL: roll and the retirement rules (deadline, idle, rolled
// again), expiry, rename, and what stays exact under concurrency.
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { getApiKey } from "@/lib/api-keys/get";
import { listApiKeys } from "@/lib/api-keys/list";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { rollApiKey } from "@/lib/api-keys/roll";
import { MAX_ACTIVE_KEYS } from "@/lib/api-keys/schemas";
import { updateApiKey } from "@/lib/api-keys/update";
import { db } from "@/lib/db/client";
import { sweepRetiredSecrets } from "@/lib/jobs";
import { createWorkspace } from "./fixtures";
import { outcome } from "./helpers/outcome";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
beforeAll(async () => {
  ws = await createWorkspace();
});
afterEach(() => {
  delete process.env.ROLL_IDLE_SECONDS;
});

const use = async (secret: string) => (await authenticateApiKey(secret, { ip: "198.51.100.20", userAgent: "vitest" })).outcome;
const retirementEvents = (keyId: string) =>
  db().auditEvent.findMany({ where: { targetId: keyId, action: "api_key.previous_secret_retired" }, orderBy: { createdAt: "asc" } });
const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

describe("rolling a key", () => {
  it("keeps the key (id, description, expiry) and gives a new secret; both work during the grace period", async () => {
    const key = await createApiKey(ws.owner, { description: "svc-roll", expiresAt: inHours(48) });
    const rolled = await rollApiKey(ws.admin, { keyId: key.id, options: { previousSecretExpiresInSeconds: 3600 } });
    expect({
      same: [rolled.id, rolled.description, rolled.expiresAt],
      newSecret: rolled.secret !== key.secret,
      previousHint: rolled.previousSecret?.hint,
      uses: [await use(key.secret), await use(rolled.secret)],
    }).toEqual({ same: [key.id, "svc-roll", key.expiresAt], newSecret: true, previousHint: key.hint, uses: ["accepted", "accepted"] });
  });

  it("works at the 20-key cap and does not change the count", async () => {
    const capped = await createWorkspace();
    const keys = [];
    for (let i = 0; i < MAX_ACTIVE_KEYS; i++) keys.push(await createApiKey(capped.owner, { description: `key-${i}` }));
    await rollApiKey(capped.owner, { keyId: keys[0]!.id, options: {} });
    expect({
      listed: (await listApiKeys(capped.owner)).data.length,
      create: await outcome(() => createApiKey(capped.owner, { description: "21st" })),
    }).toEqual({
      listed: MAX_ACTIVE_KEYS,
      create: "key_limit_reached",
    });
  });

  it("defaults the previous secret's deadline to 24 hours", async () => {
    const key = await createApiKey(ws.owner, { description: "default grace" });
    const rolled = await rollApiKey(ws.owner, { keyId: key.id, options: undefined });
    const deadline = Date.parse(rolled.previousSecret!.expiresAt) - Date.now();
    expect(deadline > 86_390_000 && deadline <= 86_400_000).toBe(true);
  });

  it.each([
    ["a revoked key", "revoked", "conflict"],
    ["an expired key", "expired", "conflict"],
  ])("of %s is refused", async (_name, state, expected) => {
    const key = await createApiKey(ws.owner, { description: `roll ${state}` });
    if (state === "revoked") await revokeApiKey(ws.owner, { keyId: key.id });
    else await db().apiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await outcome(() => rollApiKey(ws.owner, { keyId: key.id, options: {} }))).toBe(expected);
  });

  it("by a member is forbidden and changes nothing; another workspace's key is not found", async () => {
    const key = await createApiKey(ws.owner, { description: "not yours to roll" });
    const other = await createWorkspace();
    const secrets = () => db().apiKeySecret.count({ where: { keyId: key.id } });
    expect({
      member: await outcome(() => rollApiKey(ws.member, { keyId: key.id, options: {} })),
      otherWorkspace: await outcome(() => rollApiKey(other.owner, { keyId: key.id, options: {} })),
      secrets: await secrets(),
    }).toEqual({ member: "forbidden", otherWorkspace: "not_found", secrets: 1 });
  });

  it.each([
    ["negative", -1],
    ["over 7 days", 604_801],
    ["a fraction", 1.5],
    ["a string", "3600"],
    ["null", null],
  ])("with previousSecretExpiresInSeconds %s is refused naming the field", async (_name, value) => {
    const key = await createApiKey(ws.owner, { description: "bad grace" });
    await expect(rollApiKey(ws.owner, { keyId: key.id, options: { previousSecretExpiresInSeconds: value } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { previousSecretExpiresInSeconds: expect.any(String) },
    });
  });
});

describe("the previous secret retires", () => {
  it("at its deadline: refused on the very next request, recorded once by the sweeper at that moment", async () => {
    const key = await createApiKey(ws.owner, { description: "deadline" });
    const rolled = await rollApiKey(ws.owner, { keyId: key.id, options: { previousSecretExpiresInSeconds: 1 } });
    const before = await use(key.secret);
    await sleep(1100);
    const after = await use(key.secret);
    await Promise.all([sweepRetiredSecrets(), sweepRetiredSecrets(), sweepRetiredSecrets()]);
    const events = await retirementEvents(key.id);
    expect({
      before,
      after,
      current: await use(rolled.secret),
      events: events.map((e) => ({ reason: (e.metadata as { reason: string }).reason, at: e.createdAt.getTime(), actor: e.actorType })),
    }).toEqual({
      before: "accepted",
      after: "denied",
      current: "accepted",
      events: [{ reason: "deadline", at: Date.parse(rolled.previousSecret!.expiresAt), actor: "system" }],
    });
  });

  it("once the new secret is in use and the previous one has been idle for ROLL_IDLE_SECONDS", async () => {
    process.env.ROLL_IDLE_SECONDS = "1";
    const key = await createApiKey(ws.owner, { description: "idle" });
    const rolled = await rollApiKey(ws.owner, { keyId: key.id, options: { previousSecretExpiresInSeconds: 3600 } });
    await sleep(1200);
    const idleButNewUnused = await use(key.secret); // the new secret has served nothing yet: keeps working
    await use(rolled.secret);
    const rightAfterNewUse = await use(key.secret); // used 0 s ago: not idle
    await sleep(1200);
    const afterIdle = await use(key.secret);
    await sweepRetiredSecrets();
    const [event] = await retirementEvents(key.id);
    const previous = await db().apiKeySecret.findFirstOrThrow({ where: { keyId: key.id, supersededAt: { not: null } } });
    expect({
      idleButNewUnused,
      rightAfterNewUse,
      afterIdle,
      reason: (event?.metadata as { reason?: string })?.reason,
      recordedAtLastUsePlusIdle: event?.createdAt.getTime() === previous.lastUsedAt!.getTime() + 1000,
      listed: (await getApiKey(ws.member, { keyId: key.id })).previousSecret,
    }).toEqual({
      idleButNewUnused: "accepted",
      rightAfterNewUse: "accepted",
      afterIdle: "denied",
      reason: "idle",
      recordedAtLastUsePlusIdle: true,
      listed: null,
    });
  });

  it("at once when the key is rolled again, recorded as rolled_again by the person rolling", async () => {
    const key = await createApiKey(ws.owner, { description: "rolled twice" });
    const first = await rollApiKey(ws.owner, { keyId: key.id, options: { previousSecretExpiresInSeconds: 3600 } });
    const second = await rollApiKey(ws.admin, { keyId: key.id, options: { previousSecretExpiresInSeconds: 3600 } });
    const [event] = await retirementEvents(key.id);
    expect({
      uses: [await use(key.secret), await use(first.secret), await use(second.secret)],
      reason: (event?.metadata as { reason?: string })?.reason,
      by: event?.actorUserId,
    }).toEqual({ uses: ["denied", "accepted", "accepted"], reason: "rolled_again", by: ws.admin.userId });
  });

  it("ten concurrent rolls leave exactly one current secret and at most one previous one", async () => {
    const key = await createApiKey(ws.owner, { description: "roll race" });
    const rolls = await Promise.all(Array.from({ length: 10 }, () => rollApiKey(ws.owner, { keyId: key.id, options: {} })));
    const secrets = await db().apiKeySecret.findMany({ where: { keyId: key.id } });
    const working = (await Promise.all([key, ...rolls].map((k) => use(k.secret)))).filter((o) => o === "accepted").length;
    expect({
      secrets: secrets.length,
      current: secrets.filter((s) => s.supersededAt === null).length,
      livePrevious: secrets.filter((s) => s.supersededAt !== null && s.retiredAt === null).length,
      working,
    }).toEqual({ secrets: 11, current: 1, livePrevious: 1, working: 2 });
  });
});

describe("expiry", () => {
  it.each([
    ["in 59 minutes", () => new Date(Date.now() + 59 * 60_000).toISOString()],
    ["in 367 days", () => new Date(Date.now() + 367 * 86_400_000).toISOString()],
    ["in the past", () => new Date(Date.now() - 60_000).toISOString()],
    ["not a date", () => "next tuesday"],
    ["a date without time", () => "2027-01-01"],
    ["a number", () => 1767225600 as unknown as string],
  ])("%s is refused naming expiresAt", async (_name, expiresAt) => {
    await expect(createApiKey(ws.owner, { description: "bad expiry", expiresAt: expiresAt() })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { expiresAt: expect.any(String) },
    });
  });

  it("an expired key stays listed as expired and frees its place under the cap", async () => {
    const capped = await createWorkspace();
    const keys = [];
    for (let i = 0; i < MAX_ACTIVE_KEYS; i++)
      keys.push(await createApiKey(capped.owner, { description: `key-${i}`, expiresAt: inHours(2) }));
    await db().apiKey.update({ where: { id: keys[0]!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const created = await outcome(() => createApiKey(capped.owner, { description: "replacement" }));
    const listed = (await listApiKeys(capped.member)).data;
    expect({ created, listed: listed.length, expired: listed.filter((k) => k.status === "expired").map((k) => k.id) }).toEqual({
      created: "ok",
      listed: MAX_ACTIVE_KEYS + 1,
      expired: [keys[0]!.id],
    });
  });
});

describe("renaming a key", () => {
  it("changes the description and records who changed it from what", async () => {
    const key = await createApiKey(ws.owner, { description: "old name" });
    const renamed = await updateApiKey(ws.admin, { keyId: key.id, changes: { description: "  new name " } });
    const event = await db().auditEvent.findFirst({ where: { targetId: key.id, action: "api_key.updated" } });
    expect({ description: renamed.description, by: event?.actorUserId, metadata: event?.metadata }).toEqual({
      description: "new name",
      by: ws.admin.userId,
      metadata: {
        description: "new name",
        hint: key.hint,
        changes: { description: { from: "old name", to: "new name" } },
        previousDescription: "old name",
      },
    });
  });

  it.each([
    ["a member", () => ws.member, "forbidden"],
    ["an outsider", () => ws.outsider, "not_found"],
  ])("by %s is refused and changes nothing", async (_name, actor, expected) => {
    const key = await createApiKey(ws.owner, { description: "unchanged" });
    expect({
      outcome: await outcome(() => updateApiKey(actor(), { keyId: key.id, changes: { description: "hacked" } })),
      description: (await getApiKey(ws.owner, { keyId: key.id })).description,
    }).toEqual({ outcome: expected, description: "unchanged" });
  });

  it("of a revoked key is a conflict", async () => {
    const key = await createApiKey(ws.owner, { description: "gone" });
    await revokeApiKey(ws.owner, { keyId: key.id });
    expect(await outcome(() => updateApiKey(ws.owner, { keyId: key.id, changes: { description: "renamed" } }))).toBe("conflict");
  });
});

describe("the cap with creates and rolls racing", () => {
  it(`19 keys, 30 creates and 30 rolls at once: exactly ${MAX_ACTIVE_KEYS} active keys`, async () => {
    const capped = await createWorkspace();
    const keys: { id: string }[] = [];
    for (let i = 0; i < MAX_ACTIVE_KEYS - 1; i++) keys.push(await createApiKey(capped.owner, { description: `key-${i}` }));
    const results = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => outcome(() => createApiKey(capped.admin, { description: `race-${i}` }))),
      ...Array.from({ length: 30 }, (_, i) => outcome(() => rollApiKey(capped.owner, { keyId: keys[i % keys.length]!.id, options: {} }))),
    ]);
    expect({
      active: (await listApiKeys(capped.owner)).data.length,
      created: results.slice(0, 30).filter((r) => r === "ok").length,
      rolled: results.slice(30).filter((r) => r === "ok").length,
    }).toEqual({ active: MAX_ACTIVE_KEYS, created: 1, rolled: 30 });
  });
});
