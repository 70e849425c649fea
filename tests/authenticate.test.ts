import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { generateSecret } from "@/lib/api-keys/secret";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { createWorkspace } from "./fixtures";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
beforeAll(async () => {
  ws = await createWorkspace();
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.FAILED_AUTH_LIMIT;
});

const lastUsed = async (id: string) => (await db().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;

describe("authenticating an API key", () => {
  it.each([
    ["a wrong prefix", "sk_" + "a".repeat(37)],
    ["a wrong length", "one_abc"],
    ["a bad checksum", generateSecret().slice(0, -1) + "0"],
    ["characters outside base62", "one_" + "-".repeat(36)],
  ])("with %s is refused without a database query", async (_name, token) => {
    const query = vi.spyOn(pool(), "query");
    expect({ key: await authenticateApiKey(token, "192.0.2.1"), queries: query.mock.calls.length }).toEqual({ key: null, queries: 0 });
  });

  it("finds an active key's workspace", async () => {
    const { key, secret } = await createApiKey(ws.owner, { description: "auth" });
    const found = await authenticateApiKey(secret, "192.0.2.2");
    expect({ keyId: found?.keyId, workspace: found?.workspace.id }).toEqual({ keyId: key.id, workspace: ws.workspace.id });
  });

  it("refuses an unknown key", async () => {
    expect(await authenticateApiKey(generateSecret(), "192.0.2.3")).toBeNull();
  });

  it("refuses a revoked key on the very next request", async () => {
    const { key, secret } = await createApiKey(ws.owner, { description: "revoked" });
    await authenticateApiKey(secret, "192.0.2.4");
    await revokeApiKey(ws.admin, { keyId: key.id });
    expect(await authenticateApiKey(secret, "192.0.2.4")).toBeNull();
  });

  it("records when and from where the key was last used, at most once a minute", async () => {
    const { key, secret } = await createApiKey(ws.owner, { description: "last used" });
    await authenticateApiKey(secret, "198.51.100.1");
    const first = await lastUsed(key.id);
    await authenticateApiKey(secret, "198.51.100.2");
    const unchanged = await lastUsed(key.id);
    await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await authenticateApiKey(secret, "198.51.100.3");
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect({
      firstSet: first !== null,
      sameWithinAMinute: unchanged?.getTime() === first?.getTime(),
      movedAfterAMinute: row.lastUsedAt!.getTime() > Date.now() - 10_000,
      ip: row.lastUsedIp,
    }).toEqual({ firstSet: true, sameWithinAMinute: true, movedAfterAMinute: true, ip: "198.51.100.3" });
  });

  it("counts the request against the workspace's rate limit", async () => {
    const fresh = await createWorkspace();
    const { secret } = await createApiKey(fresh.owner, { description: "counted" });
    const first = await authenticateApiKey(secret, "192.0.2.5");
    const second = await authenticateApiKey(secret, "192.0.2.5");
    expect([first, second].map((k) => k?.rateLimit.windows.map((w) => `${w.name}:${w.remaining}`).join(" "))).toEqual([
      "burst:39 quota:199",
      "burst:38 quota:198",
    ]);
  });

  it("refuses every key from an address that keeps presenting unknown keys, before any lookup", async () => {
    process.env.FAILED_AUTH_LIMIT = "3";
    const { secret } = await createApiKey(ws.owner, { description: "innocent" });
    for (let i = 0; i < 3; i++) await authenticateApiKey(generateSecret(), "203.0.113.99");
    const query = vi.spyOn(pool(), "query");
    await expect(authenticateApiKey(secret, "203.0.113.99")).rejects.toMatchObject({ code: "rate_limited" });
    expect({ queries: query.mock.calls.length, otherAddress: (await authenticateApiKey(secret, "203.0.113.100"))?.keyId !== undefined }).toEqual({
      queries: 0,
      otherAddress: true,
    });
  });
});
