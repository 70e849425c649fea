// GET /api/health/ready — readiness: 200 after one database round trip, 503 with Retry-After
// when PostgreSQL cannot be used (a load balancer then sends traffic elsewhere). Public.
import { checkDatabaseReady } from "@/lib/health/ready";
import { DATABASE_RETRY_SECONDS } from "@/lib/errors";
import { jsonResponse } from "@/lib/http/json";
import { observed } from "@/lib/http/observe";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

export const GET = observed(async () => {
  try {
    await checkDatabaseReady();
    return jsonResponse(200, { status: "ready" });
  } catch (error) {
    logger().warn(`Not ready: ${String((error as Error)?.message ?? error).split("\n")[0]}`);
    return jsonResponse(
      503,
      { code: 503, message: `The database cannot be reached. Retry in ${DATABASE_RETRY_SECONDS} seconds.` },
      { "Retry-After": String(DATABASE_RETRY_SECONDS) },
    );
  }
});
