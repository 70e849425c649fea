// GET /signin?callbackUrl=/path — starts the OpenID sign-in at once (no intermediate page)
// and brings the user back to where they were going.
import { signIn } from "@/lib/auth/next-auth";
import { safeReturnTo } from "@/lib/auth/return-to";

export async function GET(request: Request) {
  const callbackUrl = new URL(request.url).searchParams.get("callbackUrl");
  await signIn("oidc", { redirectTo: safeReturnTo(callbackUrl) });
}
