// GET /api/baseline?bytes=N — no authentication, no database: a JSON body of about N bytes
// (at most 64 KiB) with the same headers as the REST API. It is the floor that
// `npm run bench` measures the authenticated API against (README, Performance).
import { jsonResponse } from "@/lib/http/json";

const MAX_BYTES = 64 * 1024;

export function GET(request: Request) {
  const requested = Number(new URL(request.url).searchParams.get("bytes") ?? 0);
  const bytes = Number.isInteger(requested) ? Math.min(Math.max(requested, 0), MAX_BYTES) : 0;
  return jsonResponse(200, { data: "x".repeat(Math.max(bytes - 11, 0)) });
}
