// The API reference, public. The server renders the whole reference from the OpenAPI document
// the API serves (the page's first view: every operation, no script needed); the interactive
// viewer loads only when someone asks for it.
import type { Metadata } from "next";
import { referenceDocument } from "@/components/api-reference/document";
import { InteractiveReference } from "@/components/api-reference/interactive-viewer";
import { StaticReference } from "@/components/api-reference/static-reference";
import { openApiDocument } from "@/lib/http/openapi";

export const metadata: Metadata = {
  title: "API reference",
  description: "Every endpoint of the One REST API: API keys, tasks, workspaces and the audit log, with SDK and curl examples.",
};

export default function ApiReferencePage() {
  // The same server URL as the served document (app/api/v1/openapi.json), so the examples match it.
  const document = referenceDocument(openApiDocument(process.env.AUTH_URL ?? "http://localhost:3000"));
  return (
    <InteractiveReference>
      <StaticReference document={document} />
    </InteractiveReference>
  );
}
