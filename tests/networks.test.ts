// Allowed networks per key, against the real database: canonical forms and refusals, what is
// stored at creation and by PATCH, containment checked inside the authentication statement (IPv4,
// IPv6, mapped forms, an unknown address), enforce versus report, the limit not used by blocked
// requests, and the usage counts blockedNetwork and outsideNetwork.
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/create";
import { canonicalNetwork } from "@/lib/api-keys/networks";
import { updateApiKey } from "@/lib/api-keys/update";
import { db } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import { flushUsage } from "@/lib/usage/counter";
import { getApiKeyUsage } from "@/lib/usage/get";
import { createWorkspace } from "./fixtures";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
beforeAll(async () => {
  ws = await createWorkspace();
  await db().workspace.update({ where: { id: ws.workspace.id }, data: { rateLimitBurst: 100_000, rateLimitQuota: 100_000 } });
});

const from = (ip: string | null) => ({ ip, userAgent: "vitest" });
const outcomeFrom = async (secret: string, ip: string | null) => (await authenticateApiKey(secret, from(ip))).outcome;
const fieldsOf = (run: () => Promise<unknown>) =>
  run().then(
    () => "ok",
    (error: AppError) => Object.keys(error.fields ?? {}),
  );

describe("canonical forms", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7/32"],
    [" 203.0.113.0/24 ", "203.0.113.0/24"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["2001:DB8::/48", "2001:db8::/48"],
    ["2001:db8:0:0:0:0:0:1", "2001:db8::1/128"],
    ["2001:db8::1/128", "2001:db8::1/128"],
    ["::/0", "::/0"],
    ["::ffff:203.0.113.7", "203.0.113.7/32"],
    ["::ffff:203.0.113.0/120", "203.0.113.0/24"],
  ])("%s → %s", (entry, canonical) => {
    expect(canonicalNetwork(entry)).toEqual({ network: canonical });
  });

  it.each([
    ["host bits set, naming the network meant", "203.0.113.7/24", "203.0.113.0/24"],
    ["IPv6 host bits set", "2001:db8::1/48", "2001:db8::/48"],
    ["not an address", "example.com", "not an IP address"],
    ["an empty string", "  ", "Enter an address"],
    ["a prefix too long", "203.0.113.0/33", "outside 0–32"],
    ["a partial address", "203.0.113", "not an IP address"],
  ])("%s is refused", (_name, entry, words) => {
    expect((canonicalNetwork(entry) as { error: string }).error).toContain(words);
  });
});

describe("what is stored", () => {
  it("a list is canonical, duplicates count once, and the mode defaults to enforce", async () => {
    const key = await createApiKey(ws.owner, {
      description: "networks",
      allowedNetworks: ["203.0.113.7", "203.0.113.7/32", "2001:DB8::/48"],
    });
    expect([key.allowedNetworks, key.networkMode]).toEqual([["203.0.113.7/32", "2001:db8::/48"], "enforce"]);
  });

  it.each([
    ["an empty list", { allowedNetworks: [] }, ["allowedNetworks"]],
    ["51 entries", { allowedNetworks: Array.from({ length: 51 }, (_, i) => `198.51.100.${i}`) }, ["allowedNetworks"]],
    ["a bad entry, named by its index", { allowedNetworks: ["203.0.113.0/24", "203.0.113.7/24"] }, ["allowedNetworks.1"]],
    ["a mode without a list", { networkMode: "report" }, ["networkMode"]],
    ["an unknown mode", { allowedNetworks: ["203.0.113.0/24"], networkMode: "audit" }, ["networkMode"]],
  ])("%s is refused naming it", async (_name, input, fields) => {
    expect(await fieldsOf(() => createApiKey(ws.owner, { description: "bad networks", ...input } as never))).toEqual(fields);
  });

  it("PATCH: a new list keeps the mode, null clears both, a mode alone needs a stored list; each change is recorded", async () => {
    const key = await createApiKey(ws.owner, {
      description: "patched networks",
      allowedNetworks: ["203.0.113.0/24"],
      networkMode: "report",
    });
    const moved = await updateApiKey(ws.owner, { keyId: key.id, changes: { allowedNetworks: ["198.51.100.0/24"] } });
    const cleared = await updateApiKey(ws.owner, { keyId: key.id, changes: { allowedNetworks: null } });
    const modeAlone = await fieldsOf(() => updateApiKey(ws.owner, { keyId: key.id, changes: { networkMode: "enforce" } }));
    const events = await db().auditEvent.findMany({
      where: { targetId: key.id, action: "api_key.updated" },
      orderBy: { createdAt: "asc" },
    });
    expect({
      moved: [moved.allowedNetworks, moved.networkMode],
      cleared: [cleared.allowedNetworks, cleared.networkMode],
      modeAlone,
      changes: events.map((e) => (e.metadata as { changes: unknown }).changes),
    }).toEqual({
      moved: [["198.51.100.0/24"], "report"],
      cleared: [null, null],
      modeAlone: ["networkMode"],
      changes: [
        { allowedNetworks: { from: ["203.0.113.0/24"], to: ["198.51.100.0/24"] } },
        { allowedNetworks: { from: ["198.51.100.0/24"], to: null }, networkMode: { from: "report", to: null } },
      ],
    });
  });
});

describe("checked in the authentication statement", () => {
  it.each([
    ["inside an IPv4 range", ["203.0.113.0/24"], "203.0.113.9", "accepted"],
    ["outside it", ["203.0.113.0/24"], "198.51.100.9", "blocked"],
    ["an IPv4-mapped client address inside", ["203.0.113.0/24"], "::ffff:203.0.113.9", "accepted"],
    ["inside an IPv6 range", ["2001:db8::/48"], "2001:db8:0:7::1", "accepted"],
    ["outside it", ["2001:db8::/48"], "2001:db9::1", "blocked"],
    ["an exact address (/32)", ["203.0.113.7/32"], "203.0.113.7", "accepted"],
    ["/0 allows every IPv4 address", ["0.0.0.0/0"], "192.0.2.1", "accepted"],
    ["an address the server could not determine is outside", ["0.0.0.0/0", "::/0"], null, "blocked"],
  ])("enforce, %s", async (_name, allowedNetworks, ip, expected) => {
    const { secret } = await createApiKey(ws.owner, { description: "enforced", allowedNetworks });
    expect(await outcomeFrom(secret, ip)).toBe(expected);
  });

  it("report mode serves requests from outside; a blocked request is not touched, counted as blockedNetwork, and uses no limit", async () => {
    const fresh = await createWorkspace();
    await db().workspace.update({ where: { id: fresh.workspace.id }, data: { rateLimitBurst: 3 } });
    const enforced = await createApiKey(fresh.owner, { description: "enforced", allowedNetworks: ["203.0.113.0/24"] });
    const reported = await createApiKey(fresh.owner, {
      description: "reported",
      allowedNetworks: ["203.0.113.0/24"],
      networkMode: "report",
    });
    const blocked = [];
    for (let i = 0; i < 4; i++) blocked.push(await outcomeFrom(enforced.secret, "198.51.100.1"));
    const served = [];
    for (const ip of ["198.51.100.1", "203.0.113.1"]) {
      const result = await authenticateApiKey(reported.secret, from(ip));
      served.push(result.outcome === "accepted" && result.rateLimit?.allowed);
    }
    const inside = await authenticateApiKey(enforced.secret, from("203.0.113.1"));
    await flushUsage();
    const totals = async (keyId: string) => (await getApiKeyUsage(fresh.member, { keyId, query: {} })).totals;
    const touched = await db().apiKeySecret.findFirstOrThrow({ where: { keyId: enforced.id } });
    expect({
      blocked,
      served,
      // 3 in the burst: two by the reported key, this one; none by the blocked requests.
      insideAllowed: inside.outcome === "accepted" && inside.rateLimit?.allowed,
      lastUsedIp: touched.lastUsedIp,
      enforced: await totals(enforced.id),
      reported: await totals(reported.id),
    }).toMatchObject({
      blocked: ["blocked", "blocked", "blocked", "blocked"],
      served: [true, true],
      insideAllowed: true,
      lastUsedIp: "203.0.113.1",
      enforced: { ok: 1, blockedNetwork: 4, outsideNetwork: 0 },
      reported: { ok: 2, blockedNetwork: 0, outsideNetwork: 1 },
    });
  });

  it("a change applies from the next request", async () => {
    const key = await createApiKey(ws.owner, { description: "narrowed", allowedNetworks: ["203.0.113.0/24"], networkMode: "report" });
    const before = await outcomeFrom(key.secret, "198.51.100.1");
    await updateApiKey(ws.owner, { keyId: key.id, changes: { networkMode: "enforce" } });
    const after = await outcomeFrom(key.secret, "198.51.100.1");
    await updateApiKey(ws.owner, { keyId: key.id, changes: { allowedNetworks: null } });
    expect([before, after, await outcomeFrom(key.secret, "198.51.100.1")]).toEqual(["accepted", "blocked", "accepted"]);
  });
});
