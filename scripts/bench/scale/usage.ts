// The usage part of `npm run bench:scale`: GET /workspaces/{ws}/api-keys/{id}/usage?range=30d
// over the rows of 07_api_key_usage.sql.
import { existsSync } from "node:fs";
import type pg from "pg";
import { tableExists } from "./seed";

const USAGE_ROUTE = "app/api/v1/workspaces/[workspaceId]/api-keys/[keyId]/usage/route.ts";

/** A key of the measured workspace with 90 days of hourly usage rows (07_api_key_usage.sql). */
export const BUSIEST_KEY_ID = "sk0_0_0";

/** The path of "a key's usage for 30 days", or why it cannot be measured yet. */
export async function keyUsagePath(client: pg.Client, workspaceId: string): Promise<{ path: string } | { skipped: string }> {
  if (!(await tableExists(client, "api_key_usage"))) return { skipped: "table api_key_usage does not exist yet" };
  if (!existsSync(USAGE_ROUTE)) return { skipped: `${USAGE_ROUTE} does not exist yet` };
  return { path: `/workspaces/${workspaceId}/api-keys/${BUSIEST_KEY_ID}/usage?range=30d` };
}
