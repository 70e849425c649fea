// Every other agent path, served or not: refused to API keys by the same permission rule
// as the served ones, then not found for users.
import { refuseUnknownAgentPath } from "@/lib/agent/unknown-path";
import { apiRoute } from "@/lib/http/route";

const handler = apiRoute(async ({ actor }) => refuseUnknownAgentPath(actor));

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
