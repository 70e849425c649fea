import { jsonResponse } from "@/lib/http/json";
import { openApiDocument } from "@/lib/http/openapi";

export function GET() {
  return jsonResponse(200, openApiDocument(process.env.AUTH_URL ?? "http://localhost:3000"));
}
