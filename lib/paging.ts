// The query of every paged list (audit events, webhook deliveries): a page size and the cursor of
// the previous page. One definition, so the REST API and its document say the same everywhere.
import { z } from "zod";

/** `limit`: 1 to 100, 50 by default; `items` names what a page holds ("Events"). */
export const pageLimit = (items: string) =>
  z.coerce
    .number({ error: "limit must be a number." })
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(100, "limit must be at most 100.")
    .default(50)
    .describe(`${items} per page, 1 to 100 (default 50).`);

/** `cursor`: the `nextCursor` of the previous page. */
export const pageCursor = () => z.string().max(200).optional().describe("nextCursor of the previous page.");
