// Runs before every page: sets the Content-Security-Policy with a fresh nonce, and sends
// signed-out visitors of dashboard pages to sign-in, keeping where they were going.
// The redirect is a convenience, not the security boundary: every page, server action and
// route handler checks the caller itself through lib/auth. Server actions (POSTs with a
// Next-Action header) are never redirected: they answer `unauthenticated` themselves, so the
// page can say the session ended and keep what the person typed.
import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/next-auth";
import { contentSecurityPolicy } from "@/lib/security-headers";

const PUBLIC_PAGES = ["/signin", "/signed-out", "/docs/api"];

export default auth((request) => {
  const { pathname, search, origin, protocol } = request.nextUrl;
  const serverAction = request.method === "POST" && request.headers.has("next-action");
  if (!request.auth && !serverAction && !PUBLIC_PAGES.includes(pathname)) {
    const signIn = new URL("/signin", origin);
    signIn.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(signIn);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, protocol === "https:");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
});

export const config = {
  // Pages only: not the REST API, Auth.js, or static files (the icons in app/ included, so that
  // signed-out pages show them too).
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
