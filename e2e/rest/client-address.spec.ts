// Without TRUST_PROXY (the default, and this server's setting), the client's address is the
// connection's: whatever X-Forwarded-For or our internal socket-address header say is ignored
// by the failed-lookup throttle, "last used from" and audit events. (With TRUST_PROXY set,
// see e2e/instances.spec.ts.)
import { expect, test } from "@playwright/test";
import { generateSecret } from "../../lib/api-keys/secret";
import { CLIENT_ADDRESS_HEADER } from "../../lib/auth/client-address";
import { insertAcmeKey, revokeAllAcmeKeys, sql } from "../helpers/db";
import { signIn } from "../helpers/sign-in";
import { call, userToken } from "./callers";

const LOOPBACK = ["127.0.0.1", "::1"];
const SPOOFED = { "X-Forwarded-For": "203.0.113.77", "X-Real-IP": "203.0.113.78", [CLIENT_ADDRESS_HEADER]: "203.0.113.79" };

test("an API key's last use is recorded from the connection's address, not from headers", async () => {
  const key = await insertAcmeKey("spoofed-last-used");
  const response = await call("GET", "/workspaces/current/tasks", key.secret, undefined, SPOOFED);
  const [row] = await sql<{ last_used_ip: string }>("SELECT last_used_ip FROM api_key_secrets WHERE key_id = $1", [key.id]);
  expect({ status: response.status, loopback: LOOPBACK.includes(row!.last_used_ip) }).toEqual({ status: 200, loopback: true });
});

test("audit events record the connection's address", async () => {
  const owner = await userToken("owner@example.com");
  const created = await call("POST", "/workspaces/current/tasks", owner, { title: "spoofed audit" }, SPOOFED);
  const [event] = await sql<{ ip: string }>("SELECT ip FROM audit_events WHERE target_id = $1", [created.body.id]);
  expect(LOOPBACK.includes(event!.ip)).toBe(true);
});

test("failed lookups are counted against the connection's address, whatever X-Forwarded-For says", async () => {
  for (const forwarded of ["203.0.113.80", "203.0.113.81", "203.0.113.82"]) {
    await call("GET", "/workspaces/current/tasks", generateSecret(), undefined, { ...SPOOFED, "X-Forwarded-For": forwarded });
  }
  const rows = await sql<{ ip: string }>("SELECT ip FROM failed_auth_attempts WHERE ip LIKE '203.0.113.%'");
  expect(rows).toEqual([]);
});

test("server actions record the connection's address too", async ({ page }) => {
  await revokeAllAcmeKeys(); // room under the 20-key cap
  await signIn(page, "admin@example.com");
  await page.setExtraHTTPHeaders(SPOOFED);
  await page.getByRole("button", { name: "Add key" }).click();
  const dialog = page.getByRole("dialog", { name: "Add API key" });
  await dialog.getByLabel("Description").fill("address-of-an-action");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("dialog", { name: "Copy your new API key" })).toBeVisible();
  const [event] = await sql<{ ip: string }>(
    "SELECT e.ip FROM audit_events e JOIN api_keys k ON k.id = e.target_id WHERE k.description = 'address-of-an-action' AND e.action = 'api_key.created'",
  );
  expect(LOOPBACK.includes(event!.ip)).toBe(true);
});
