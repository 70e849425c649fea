import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticateApiKey, type Authentication } from "@/lib/api-keys/authenticate";
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
});

/** A different last character (a fixed "0" left the secret valid once in 62 runs). */
const withLastCharacterChanged = (secret: string) => secret.slice(0, -1) + (secret.endsWith("0") ? "1" : "0");
const from = (ip: string) => ({ ip, userAgent: "vitest/1" });
const currentSecret = (keyId: string) => db().apiKeySecret.findFirstOrThrow({ where: { keyId, supersededAt: null } });
const accepted = (result: Authentication) => (result.outcome === "accepted" ? result : null);

describe("authenticating an API key", () => {
  it.each([
    ["a wrong prefix", "sk_" + "a".repeat(37)],
    ["a wrong length", "one_abc"],
    ["a bad checksum", withLastCharacterChanged(generateSecret())],
    ["characters outside base62", "one_" + "-".repeat(36)],
  ])("with %s is refused without a database query", async (_name, token) => {
    const query = vi.spyOn(pool(), "query");
    expect({ result: await authenticateApiKey(token, from("192.0.2.1")), queries: query.mock.calls.length }).toEqual({
      result: { outcome: "unknown", throttled: null },
      queries: 0,
    });
  });

  it("finds an active key's workspace in one statement", async () => {
    const key = await createApiKey(ws.owner, { description: "auth" });
    const query = vi.spyOn(pool(), "query");
    const found = accepted(await authenticateApiKey(key.secret, from("192.0.2.2")));
    expect({ keyId: found?.keyId, workspace: found?.workspace.id, statements: query.mock.calls.length }).toEqual({
      keyId: key.id,
      workspace: ws.workspace.id,
      statements: 1,
    });
  });

  it("refuses an unknown key", async () => {
    expect((await authenticateApiKey(generateSecret(), from("192.0.2.3"))).outcome).toBe("unknown");
  });

  it("refuses a revoked key on the very next request, as denied for that key", async () => {
    const key = await createApiKey(ws.owner, { description: "revoked" });
    await authenticateApiKey(key.secret, from("192.0.2.4"));
    await revokeApiKey(ws.admin, { keyId: key.id });
    expect(await authenticateApiKey(key.secret, from("192.0.2.4"))).toEqual({
      outcome: "denied",
      keyId: key.id,
      reason: "revoked",
      keyExpiresAt: null,
    });
  });

  it("refuses an expired key, saying when it expired", async () => {
    const key = await createApiKey(ws.owner, { description: "expiring", expiresAt: new Date(Date.now() + 2 * 3600_000).toISOString() });
    const expiredAt = new Date(Date.now() - 1000);
    await db().apiKey.update({ where: { id: key.id }, data: { expiresAt: expiredAt } });
    expect(await authenticateApiKey(key.secret, from("192.0.2.4"))).toMatchObject({
      outcome: "denied",
      reason: "expired",
      keyExpiresAt: expiredAt,
    });
  });

  it("records when, from where and with what the key was last used, at most once a minute", async () => {
    const key = await createApiKey(ws.owner, { description: "last used" });
    await authenticateApiKey(key.secret, from("198.51.100.1"));
    const first = (await currentSecret(key.id)).lastUsedAt;
    await authenticateApiKey(key.secret, from("198.51.100.2"));
    const unchanged = (await currentSecret(key.id)).lastUsedAt;
    await db().apiKeySecret.updateMany({ where: { keyId: key.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await authenticateApiKey(key.secret, { ip: "198.51.100.3", userAgent: "deploy-bot/2" });
    const row = await currentSecret(key.id);
    expect({
      firstSet: first !== null,
      sameWithinAMinute: unchanged?.getTime() === first?.getTime(),
      movedAfterAMinute: row.lastUsedAt!.getTime() > Date.now() - 10_000,
      ip: row.lastUsedIp,
      userAgent: row.lastUsedUserAgent,
    }).toEqual({ firstSet: true, sameWithinAMinute: true, movedAfterAMinute: true, ip: "198.51.100.3", userAgent: "deploy-bot/2" });
  });

  it("counts the request against the workspace's rate limit", async () => {
    const fresh = await createWorkspace();
    const { secret } = await createApiKey(fresh.owner, { description: "counted" });
    const first = accepted(await authenticateApiKey(secret, from("192.0.2.5")));
    const second = accepted(await authenticateApiKey(secret, from("192.0.2.5")));
    expect([first, second].map((k) => k?.rateLimit?.windows.map((w) => `${w.name}:${w.remaining}`).join(" "))).toEqual([
      "burst:39 quota:199",
      "burst:38 quota:198",
    ]);
  });
});
