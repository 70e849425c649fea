import { jsonResponse } from "@/lib/http/json";
import { observed } from "@/lib/http/observe";
import { openApiDocument } from "@/lib/http/openapi";

export const GET = observed(async () => jsonResponse(200, openApiDocument(process.env.AUTH_URL ?? "http://localhost:3000")));
