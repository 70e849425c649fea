import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { getApiKey } from "@/lib/api-keys/get";
import { listApiKeys } from "@/lib/api-keys/list";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { MAX_ACTIVE_KEYS } from "@/lib/api-keys/schemas";
import { hashSecret, isWellFormedSecret } from "@/lib/api-keys/secret";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { anonymous, createWorkspace } from "./fixtures";
import { outcome } from "./helpers/outcome";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
beforeAll(async () => {
  ws = await createWorkspace();
});

describe("who may do what", () => {
  const cases: Array<[string, () => Actor, { list: string; create: string; revoke: string }]> = [
    ["owner", () => ws.owner, { list: "ok", create: "ok", revoke: "ok" }],
    ["admin", () => ws.admin, { list: "ok", create: "ok", revoke: "ok" }],
    ["member", () => ws.member, { list: "ok", create: "forbidden", revoke: "forbidden" }],
    ["outsider (no workspace)", () => ws.outsider, { list: "not_found", create: "not_found", revoke: "not_found" }],
    ["anonymous", () => anonymous, { list: "unauthenticated", create: "unauthenticated", revoke: "unauthenticated" }],
  ];
  it.each(cases)("%s", async (_name, actor, expected) => {
    const key = await createApiKey(ws.owner, { description: "permission-matrix" });
    expect({
      list: await outcome(() => listApiKeys(actor())),
      create: await outcome(() => createApiKey(actor(), { description: "by-role" })),
      revoke: await outcome(() => revokeApiKey(actor(), { keyId: key.id })),
    }).toEqual(expected);
  });
});

describe("descriptions", () => {
  it.each([
    ["empty", "", "invalid_input"],
    ["spaces only", "   ", "invalid_input"],
    ["101 characters", "x".repeat(101), "invalid_input"],
    ["a newline", "ci\nproduction", "invalid_input"],
    ["a tab", "ci\tproduction", "invalid_input"],
    ["a NUL byte", "ci\u0000production", "invalid_input"],
    ["a right-to-left override", "ci-\u202Eproduction", "invalid_input"],
    ["not a string", 42 as unknown as string, "invalid_input"],
    ["100 characters", "x".repeat(100), "ok"],
  ])("%s → %s", async (_name, description, expected) => {
    expect(await outcome(() => createApiKey(ws.admin, { description }))).toBe(expected);
  });

  it.each([
    ["HTML", "<script>alert(1)</script>"],
    ["emoji", "deploy 🚀 👩‍💻"],
    ["SQL-looking text", "x'); DROP TABLE api_keys; --"],
    ["accents", "Zürich-prod"],
  ])("%s is stored verbatim", async (_name, description) => {
    const key = await createApiKey(ws.admin, { description });
    expect(await getApiKey(ws.member, { keyId: key.id })).toMatchObject({ description });
  });

  it("surrounding spaces are trimmed", async () => {
    const key = await createApiKey(ws.admin, { description: "  ci-production  " });
    expect(key.description).toBe("ci-production");
  });
});

describe("creating a key", () => {
  it("returns a secret in the documented format with a valid checksum", async () => {
    const { secret } = await createApiKey(ws.owner, { description: "format" });
    expect({ shape: /^one_[0-9A-Za-z]{36}$/.test(secret), checksum: isWellFormedSecret(secret) }).toEqual({ shape: true, checksum: true });
  });

  it("stores the hash and a hint, never the secret", async () => {
    const { secret, id } = await createApiKey(ws.owner, { description: "storage" });
    const key = await db().apiKey.findUniqueOrThrow({ where: { id } });
    const row = await db().apiKeySecret.findFirstOrThrow({ where: { keyId: id } });
    const columnsHoldingSecret = Object.entries({ ...key, ...row }).filter(([, value]) => String(value).includes(secret.slice(4, 34)));
    expect({ columnsHoldingSecret, hash: row.hash, hint: row.hint }).toEqual({
      columnsHoldingSecret: [],
      hash: hashSecret(secret),
      hint: `one_…${secret.slice(-4)}`,
    });
  });

  it("writes an audit event with who, what and from where, without the secret", async () => {
    const { secret, ...key } = await createApiKey(ws.admin, { description: "audited" });
    const events = await db().auditEvent.findMany({ where: { targetId: key.id } });
    expect(
      events.map((e) => ({ action: e.action, actor: e.actorUserId, ip: e.ip, leaks: JSON.stringify(e).includes(secret.slice(4)) })),
    ).toEqual([{ action: "api_key.created", actor: ws.admin.userId, ip: "203.0.113.7", leaks: false }]);
  });

  it("takes the creator from the caller, not from the input", async () => {
    const input = { description: "creator", createdById: ws.member.userId, workspaceId: "elsewhere" };
    const key = await createApiKey(ws.admin, input);
    expect(key.createdBy.id).toBe(ws.admin.userId);
  });
});

describe("the 20-key cap", () => {
  it(`with ${MAX_ACTIVE_KEYS - 1} active keys, 50 concurrent creates leave exactly ${MAX_ACTIVE_KEYS}`, async () => {
    const capped = await createWorkspace();
    for (let i = 0; i < MAX_ACTIVE_KEYS - 1; i++) await createApiKey(capped.owner, { description: `key-${i}` });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => outcome(() => createApiKey(i % 2 ? capped.owner : capped.admin, { description: `race-${i}` }))),
    );
    const active = await db().apiKey.count({ where: { workspaceId: capped.workspace.id, revokedAt: null } });
    expect({
      active,
      created: results.filter((r) => r === "ok").length,
      refused: results.filter((r) => r === "key_limit_reached").length,
    }).toEqual({
      active: MAX_ACTIVE_KEYS,
      created: 1,
      refused: 49,
    });
  });

  it("does not count revoked keys", async () => {
    const capped = await createWorkspace();
    const keys = [];
    for (let i = 0; i < MAX_ACTIVE_KEYS; i++) keys.push(await createApiKey(capped.owner, { description: `key-${i}` }));
    await revokeApiKey(capped.owner, { keyId: keys[0]!.id });
    expect(await outcome(() => createApiKey(capped.owner, { description: "replacement" }))).toBe("ok");
  });

  it("refuses the 21st key with a message that says what to do", async () => {
    const capped = await createWorkspace();
    for (let i = 0; i < MAX_ACTIVE_KEYS; i++) await createApiKey(capped.owner, { description: `key-${i}` });
    await expect(createApiKey(capped.owner, { description: "one too many" })).rejects.toThrow(/already has 20 active API keys.*Revoke/);
  });
});

describe("listing keys", () => {
  it("shows active keys of the caller's workspace only, newest first", async () => {
    const a = await createWorkspace();
    const b = await createWorkspace();
    const first = await createApiKey(a.owner, { description: "first" });
    const second = await createApiKey(a.owner, { description: "second" });
    const revoked = await createApiKey(a.owner, { description: "revoked" });
    await revokeApiKey(a.owner, { keyId: revoked.id });
    await createApiKey(b.owner, { description: "other workspace" });
    const { data } = await listApiKeys(a.member);
    expect(data.map((k) => k.description)).toEqual([second.description, first.description]);
  });

  it("returns each key with its creator and no hash", async () => {
    const a = await createWorkspace();
    await createApiKey(a.admin, { description: "shape" });
    const { data } = await listApiKeys(a.owner);
    expect(Object.keys(data[0]!).sort()).toEqual([
      "allowedNetworks",
      "createdAt",
      "createdBy",
      "description",
      "expiresAt",
      "exposure",
      "hint",
      "id",
      "lastUsedAt",
      "lastUsedIp",
      "lastUsedUserAgent",
      "networkMode",
      "permissions",
      "policyViolations",
      "previousSecret",
      "revokedAt",
      "status",
      "unusedRevocationAt",
    ]);
  });
});

describe("revoking a key", () => {
  it("sets who revoked it and when", async () => {
    const key = await createApiKey(ws.owner, { description: "to revoke" });
    const revoked = await revokeApiKey(ws.admin, { keyId: key.id });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect({ revokedAt: revoked.revokedAt !== null, revokedBy: row.revokedById }).toEqual({ revokedAt: true, revokedBy: ws.admin.userId });
  });

  it("twice changes nothing and writes one event, even when both run at once", async () => {
    const key = await createApiKey(ws.owner, { description: "revoke twice" });
    const [a, b] = await Promise.all([revokeApiKey(ws.owner, { keyId: key.id }), revokeApiKey(ws.admin, { keyId: key.id })]);
    const again = await revokeApiKey(ws.owner, { keyId: key.id });
    const events = await db().auditEvent.count({ where: { targetId: key.id, action: "api_key.revoked" } });
    expect({ sameTime: a.revokedAt === b.revokedAt && b.revokedAt === again.revokedAt, events }).toEqual({ sameTime: true, events: 1 });
  });

  it("of another workspace behaves as not found", async () => {
    const other = await createWorkspace();
    const key = await createApiKey(other.owner, { description: "not yours" });
    expect(await outcome(() => revokeApiKey(ws.owner, { keyId: key.id }))).toBe("not_found");
  });

  it("with an unknown or malformed id is not found", async () => {
    expect([
      await outcome(() => revokeApiKey(ws.owner, { keyId: "nope" })),
      await outcome(() => revokeApiKey(ws.owner, { keyId: "' OR 1=1 --" })),
    ]).toEqual(["not_found", "not_found"]);
  });
});
