// How each REST operation appears in the API reference (/docs/api) and the SDK (sdk/): its tag,
// which is the reference's section, the SDK class (e.g. TasksApi) and the single client's
// resource (e.g. `one.tasks`), and the SDK + curl examples shown beside it (`x-codeSamples`).
import type { Operation } from "./operations";

/** Sections of the reference, in order, and the SDK class that holds each one's methods. */
export const TAGS: { name: string; description: string; pathSegment: string; sdk?: { class: string; resource: string } }[] = [
  {
    name: "Tasks",
    pathSegment: "tasks",
    sdk: { class: "TasksApi", resource: "tasks" },
    description: "The workspace's tasks: what API keys read and write.",
  },
  {
    name: "API keys",
    pathSegment: "api-keys",
    sdk: { class: "ApiKeysApi", resource: "apiKeys" },
    description: "Create, inspect and revoke the workspace's API keys (OAuth tokens of users only).",
  },
  {
    name: "Key policy",
    pathSegment: "api-key-policy",
    sdk: { class: "ApiKeyPolicyApi", resource: "apiKeyPolicy" },
    description: "The workspace's rules for its API keys: maximum lifetime, default permissions, required networks, unused keys revoked.",
  },
  {
    name: "Workspaces",
    pathSegment: "workspaces",
    sdk: { class: "WorkspacesApi", resource: "workspaces" },
    description: "The workspaces the caller belongs to.",
  },
  {
    name: "Me",
    pathSegment: "me",
    sdk: { class: "MeApi", resource: "me" },
    description: "Who a request is from: an API key (its permissions and expiry) or a person.",
  },
  {
    name: "Audit events",
    pathSegment: "audit-events",
    sdk: { class: "AuditEventsApi", resource: "auditEvents" },
    description: "Who did what in the workspace.",
  },
  {
    name: "Webhooks",
    pathSegment: "webhook-endpoints",
    sdk: { class: "WebhookEndpointsApi", resource: "webhookEndpoints" },
    description:
      "Where the workspace's key events are sent, signed to the Standard Webhooks spec, and how each delivery went (owners and admins).",
  },
  { name: "Agent", pathSegment: "agent", description: "Endpoints for agent dashboards (users only)." },
  {
    name: "Secret scanning",
    pathSegment: "secret-scanning",
    description: "GitHub's secret scanning partner protocol: reports of leaked keys, signed by GitHub.",
  },
  { name: "Revocations", pathSegment: "revocations", description: "Anyone who finds a key can revoke it, without authentication." },
  { name: "Meta", pathSegment: "openapi.json", description: "This document." },
];

/** The reference section of a path: its first segment after the workspace (or its first); "Other" for none of TAGS. */
export function tagFor(path: string): string {
  const segments = path.split("/").filter(Boolean);
  const segment = segments[0] === "workspaces" && segments.length > 2 ? segments[2] : segments[0];
  return TAGS.find((tag) => tag.pathSegment === segment)?.name ?? "Other";
}

const PATH_EXAMPLES: Record<string, string> = {
  workspaceId: "current",
  keyId: "KEY_ID",
  taskId: "TASK_ID",
  endpointId: "ENDPOINT_ID",
  deliveryId: "DELIVERY_ID",
};

/** `x-codeSamples` of an operation: the SDK call (when the SDK has it) and curl. */
export function codeSamples(op: Operation, apiBaseUrl: string): { lang: string; label: string; source: string }[] {
  const example = op.example ?? {};
  const queryNames = Object.keys(op.query?.shape ?? {});
  const tokenVariable = op.who === "user-or-key" ? "ONE_API_KEY" : "ONE_TOKEN";

  const url = new URL(apiBaseUrl + op.path.replace(/\{(\w+)\}/g, (_m, name: string) => PATH_EXAMPLES[name] ?? name));
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(example)) {
    if (queryNames.includes(name)) url.searchParams.set(name, String(value));
    else body[name] = value;
  }
  const curl = [
    `curl${op.method === "get" ? "" : ` -X ${op.method.toUpperCase()}`} "${url.href}"`,
    ...(op.who === "anyone" ? [] : [`-H "Authorization: Bearer $${tokenVariable}"`]),
    ...(op.body ? [`-H "Content-Type: application/json"`, `-d '${JSON.stringify(body)}'`] : []),
  ].join(" \\\n  ");

  const samples = [{ lang: "shell", label: "curl", source: curl }];
  const resource = TAGS.find((tag) => tag.name === tagFor(op.path))?.sdk?.resource;
  if (resource && op.sdk) {
    // The single client calls `current` unless told otherwise: the example leaves workspaceId out.
    const pathNames = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!).filter((name) => name !== "workspaceId");
    const params = { ...Object.fromEntries(pathNames.map((name) => [name, PATH_EXAMPLES[name] ?? name])), ...example };
    const args = Object.entries(params)
      .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
      .join(", ");
    samples.unshift({
      lang: "javascript",
      label: "SDK",
      source: [
        `import { One } from "@onehorizon/sdk-js";`,
        "",
        `const one = new One({ ${op.who === "user-or-key" ? "apiKey" : "accessToken"}: process.env.${tokenVariable}, baseUrl: "${apiBaseUrl}" });`,
        `const result = await one.${resource}.${op.sdk}(${args ? `{ ${args} }` : ""});`,
      ].join("\n"),
    });
  }
  return samples;
}
