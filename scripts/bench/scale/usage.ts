// The usage part of `npm run bench:scale`: GET /workspaces/{ws}/api-keys/{id}/usage?range=30d
// over the rows of 07_api_key_usage.sql.

/** A key of the measured workspace with 90 days of hourly usage rows (07_api_key_usage.sql). */
const BUSIEST_KEY_ID = "sk0_0_0";

/** The path of "a key's usage for 30 days". */
export const keyUsagePath = (workspaceId: string) => `/workspaces/${workspaceId}/api-keys/${BUSIEST_KEY_ID}/usage?range=30d`;
