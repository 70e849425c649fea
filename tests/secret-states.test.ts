// The key's and the secret's state, written once in the SQL function api_key_secret_states: its
// verdict for every kind of secret, and that authentication and the key read answer by it.
// Rows are written with chosen times (a real PostgreSQL, real secrets and hashes).
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { getApiKey } from "@/lib/api-keys/get";
import { generateSecret, hashSecret, hintFor } from "@/lib/api-keys/secret";
import { db } from "@/lib/db/client";
import { query, sql } from "@/lib/db/sql";
import { createWorkspace } from "./fixtures";

const IDLE_SECONDS = 900;
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);
const ahead = (seconds: number) => new Date(Date.now() + seconds * 1000);

type Case = {
  name: string;
  key?: { revokedAt?: Date; expiresAt?: Date };
  /** The key's current secret's first use (a previous secret's idle time counts only after it). */
  currentFirstUsedAt?: Date;
  /** The secret under test: the current one when absent. */
  previous?: { supersededAt: Date; expiresAt: Date; lastUsedAt?: Date; retiredAt?: Date; retiredReason?: string };
  expected: { keyState: string; state: string; verdict: string };
};

const CASES: Case[] = [
  { name: "current", expected: { keyState: "active", state: "current", verdict: "current" } },
  {
    name: "previous in its grace period",
    previous: { supersededAt: ago(60), expiresAt: ahead(3600) },
    expected: { keyState: "active", state: "previous", verdict: "previous" },
  },
  {
    name: "previous, idle for long but the new secret not used yet",
    currentFirstUsedAt: undefined,
    previous: { supersededAt: ago(7200), expiresAt: ahead(3600), lastUsedAt: ago(7000) },
    expected: { keyState: "active", state: "previous", verdict: "previous" },
  },
  {
    name: "previous past its deadline, not recorded yet",
    previous: { supersededAt: ago(120), expiresAt: ago(1) },
    expected: { keyState: "active", state: "retired", verdict: "retired" },
  },
  {
    name: "previous idle since the new secret was used, not recorded yet",
    currentFirstUsedAt: ago(IDLE_SECONDS + 60),
    previous: { supersededAt: ago(IDLE_SECONDS + 120), expiresAt: ahead(3600), lastUsedAt: ago(IDLE_SECONDS + 30) },
    expected: { keyState: "active", state: "retired", verdict: "retired" },
  },
  ...(["deadline", "idle", "rolled_again", "exposed"] as const).map((reason): Case => ({
    name: `previous retired (recorded: ${reason})`,
    previous: { supersededAt: ago(60), expiresAt: ahead(3600), retiredAt: ago(10), retiredReason: reason },
    expected: { keyState: "active", state: "retired", verdict: "retired" },
  })),
  { name: "current of a revoked key", key: { revokedAt: ago(5) }, expected: { keyState: "revoked", state: "current", verdict: "revoked" } },
  {
    name: "previous in grace of a revoked key",
    key: { revokedAt: ago(5) },
    previous: { supersededAt: ago(60), expiresAt: ahead(3600) },
    expected: { keyState: "revoked", state: "previous", verdict: "revoked" },
  },
  {
    name: "current of an expired key",
    key: { expiresAt: ago(5) },
    expected: { keyState: "expired", state: "current", verdict: "expired" },
  },
  {
    name: "previous in grace of an expired key",
    key: { expiresAt: ago(5) },
    previous: { supersededAt: ago(60), expiresAt: ahead(3600) },
    expected: { keyState: "expired", state: "previous", verdict: "expired" },
  },
  {
    name: "current of a key revoked after it expired",
    key: { revokedAt: ago(5), expiresAt: ago(60) },
    expected: { keyState: "revoked", state: "current", verdict: "revoked" },
  },
];

let ws: Awaited<ReturnType<typeof createWorkspace>>;
beforeAll(async () => {
  ws = await createWorkspace();
});

/** A key as the case describes it; returns it with the secret under test. */
async function arrange(c: Case) {
  const current = generateSecret();
  const key = await db().apiKey.create({
    data: {
      workspaceId: ws.workspace.id,
      description: c.name,
      createdById: ws.owner.userId,
      createdByName: "owner",
      createdByEmail: "owner@example.test",
      expiresAt: c.key?.expiresAt ?? null,
      revokedAt: c.key?.revokedAt ?? null,
      secrets: { create: { hash: hashSecret(current), hint: hintFor(current), firstUsedAt: c.currentFirstUsedAt ?? null } },
    },
  });
  if (!c.previous) return { key, secret: current };
  const previous = generateSecret();
  await db().apiKeySecret.create({ data: { keyId: key.id, hash: hashSecret(previous), hint: hintFor(previous), ...c.previous } });
  return { key, secret: previous };
}

describe("api_key_secret_states", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { key, secret } = await arrange(c);
    const [row] = await query<{ key_state: string; state: string; verdict: string }>(
      sql`SELECT "key_state", "state", "verdict" FROM api_key_secret_states(${IDLE_SECONDS}) WHERE "hash" = ${hashSecret(secret)}`,
    );
    const works = c.expected.verdict === "current" || c.expected.verdict === "previous";
    process.env.ROLL_IDLE_SECONDS = String(IDLE_SECONDS);
    const authentication = await authenticateApiKey(secret, { ip: "198.51.100.30", userAgent: "vitest" });
    const read = c.key?.revokedAt ? null : await getApiKey(ws.owner, { keyId: key.id });
    delete process.env.ROLL_IDLE_SECONDS;
    expect({
      state: { keyState: row?.key_state, state: row?.state, verdict: row?.verdict },
      authentication: authentication.outcome === "denied" ? `denied: ${authentication.reason}` : authentication.outcome,
      // The key read shows a previous secret exactly while it works.
      previousShown: read ? read.previousSecret !== null : null,
    }).toEqual({
      state: c.expected,
      authentication: works ? "accepted" : `denied: ${c.expected.verdict}`,
      previousShown: c.key?.revokedAt ? null : c.previous ? c.expected.verdict === "previous" : false,
    });
  });
});
