// The documented rotation, end to end over REST: create a replacement, move traffic, see
// both keys' last use, revoke the old one; the old key fails at once, the new one works.
import { expect, test } from "@playwright/test";
import { revokeAllAcmeKeys } from "../helpers/db";
import { call, userToken } from "./callers";

test("rotating a key over REST", async () => {
  await revokeAllAcmeKeys();
  const owner = await userToken("owner@example.com");
  const old = await call("POST", "/workspaces/current/api-keys", owner, { description: "ci-production" });
  expect((await call("GET", "/workspaces/current/tasks", old.body.secret as string)).status).toBe(200);

  const replacement = await call("POST", "/workspaces/current/api-keys", owner, { description: "ci-production (2026-11)" });
  expect((await call("GET", "/workspaces/current/tasks", replacement.body.secret as string)).status).toBe(200);

  const listed = await call("GET", "/workspaces/current/api-keys", owner);
  const lastUsed = Object.fromEntries(listed.body.data!.map((k) => [k.description, k.lastUsedAt !== null]));
  expect(lastUsed).toEqual({ "ci-production": true, "ci-production (2026-11)": true });

  const revoked = await call("DELETE", `/workspaces/current/api-keys/${old.body.id}`, owner);
  const oldAfter = await call("GET", "/workspaces/current/tasks", old.body.secret as string);
  const newAfter = await call("GET", "/workspaces/current/tasks", replacement.body.secret as string);
  const repeated = await call("DELETE", `/workspaces/current/api-keys/${old.body.id}`, owner);
  expect({
    revoked: revoked.status,
    revokedAt: typeof revoked.body.revokedAt,
    old: oldAfter.status,
    replacement: newAfter.status,
    repeated: repeated.status,
    sameRevokedAt: repeated.body.revokedAt === revoked.body.revokedAt,
  }).toEqual({ revoked: 200, revokedAt: "string", old: 401, replacement: 200, repeated: 200, sameRevokedAt: true });
});
