// Anyone may revoke a key whose secret they found (lib/leaks/revocations.ts); no authentication.
import { clientOf } from "@/lib/auth/actor";
import { readJsonValue } from "@/lib/http/body-bytes";
import { errorResponse } from "@/lib/http/errors";
import { jsonResponse } from "@/lib/http/json";
import { observed } from "@/lib/http/observe";
import { methodsNotAllowed } from "@/lib/http/route";
import { requestRevocations } from "@/lib/leaks/revocations";
import { REVOCATION_MAX_BYTES } from "@/lib/leaks/schemas";

export const POST = observed(async (request) => {
  try {
    const body = await readJsonValue(request, REVOCATION_MAX_BYTES);
    return jsonResponse(202, await requestRevocations(clientOf(request.headers), body));
  } catch (error) {
    return errorResponse(error);
  }
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
