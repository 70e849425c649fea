// Anything under /api/v1 that is not a route: a JSON 404, like every other API error.
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { observed } from "@/lib/http/observe";

const notFound = observed(async () =>
  errorResponse(new AppError("not_found", "There is no such endpoint. See /api/v1/openapi.json for the ones that exist.")),
);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
