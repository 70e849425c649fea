// GitHub's secret scanning partner program reports here (lib/leaks/github.ts). No bearer token:
// the signature over the raw body is the authentication, so the body is read as bytes.
import { clientOf } from "@/lib/auth/actor";
import { readBodyBytes } from "@/lib/http/body-bytes";
import { errorResponse } from "@/lib/http/errors";
import { jsonResponse } from "@/lib/http/json";
import { observed } from "@/lib/http/observe";
import { methodsNotAllowed } from "@/lib/http/route";
import { receiveGithubReport } from "@/lib/leaks/github";
import { GITHUB_REPORT_MAX_BYTES } from "@/lib/leaks/schemas";

export const POST = observed(async (request) => {
  try {
    const body = await readBodyBytes(request, GITHUB_REPORT_MAX_BYTES);
    const feedback = await receiveGithubReport(clientOf(request.headers), {
      body,
      keyIdentifier: request.headers.get("github-public-key-identifier"),
      signature: request.headers.get("github-public-key-signature"),
    });
    return jsonResponse(200, feedback);
  } catch (error) {
    return errorResponse(error);
  }
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
