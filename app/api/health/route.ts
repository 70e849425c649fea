// GET /api/health — liveness: the process answers HTTP. No database, no authentication (public,
// and outside proxy.ts's matcher like all of /api). It is also the no-database floor that
// `npm run bench` measures the API against.
import { jsonResponse } from "@/lib/http/json";
import { observed } from "@/lib/http/observe";

export const dynamic = "force-dynamic";

export const GET = observed(async () => jsonResponse(200, { status: "ok" }));
