// Optimistic redirect of signed-out visitors to sign-in, keeping where they were going.
// This is a convenience, not the security boundary: every page, server action and route
// handler checks the caller itself through lib/auth.
import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/next-auth";

export default auth((request) => {
  if (request.auth) return NextResponse.next();
  const signIn = new URL("/signin", request.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
});

export const config = {
  // Dashboard pages only: not the API, sign-in, Auth.js or static files.
  matcher: ["/((?!api/|signin|signed-out|_next/|favicon.ico).*)"],
};
