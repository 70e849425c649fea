// Health endpoints are public (no credentials, no sign-in redirect from proxy.ts) and answer
// what a load balancer asks: is the process up (/api/health), can it use its database
// (/api/health/ready). The 503 while PostgreSQL is down is in e2e/instances.spec.ts, which
// owns a database it can stop.
import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "../env";

const get = async (path: string) => {
  const response = await fetch(`${E2E_BASE_URL}${path}`, { redirect: "manual" });
  return {
    status: response.status,
    location: response.headers.get("location"),
    cacheControl: response.headers.get("cache-control"),
    contentType: response.headers.get("content-type"),
    body: response.status === 200 ? await response.json() : null,
  };
};

test("GET /api/health answers 200 without credentials", async () => {
  expect(await get("/api/health")).toEqual({
    status: 200,
    location: null,
    cacheControl: "no-store",
    contentType: "application/json; charset=utf-8",
    body: { status: "ok" },
  });
});

test("GET /api/health/ready answers 200 after a database round trip, without credentials", async () => {
  expect(await get("/api/health/ready")).toEqual({
    status: 200,
    location: null,
    cacheControl: "no-store",
    contentType: "application/json; charset=utf-8",
    body: { status: "ready" },
  });
});

test("a dashboard page without a session is redirected to sign-in (what the checks above would see if proxy.ts covered /api/health)", async () => {
  const page = await get("/settings/developer/api-keys");
  expect({ status: page.status, toSignIn: page.location?.includes("/signin") }).toEqual({ status: 307, toSignIn: true });
});
