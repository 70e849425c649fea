// How each REST operation appears in the SDK (sdk/) and in the API reference (/docs/api):
// its operationId, which is the SDK method's name, its tag, which is the reference's section
// and the SDK class, and the SDK + curl examples shown beside it (`x-codeSamples`).
// A new route needs one line in SDK_NAMES; tests/sdk-generated.test.ts fails without it.

/** operationId (= SDK method) per "method path", and the example's flat parameters beyond the path ones. */
export const SDK_NAMES: Record<string, { id: string; example?: Record<string, unknown> }> = {
  "get /workspaces/{workspaceId}/api-keys": { id: "listApiKeys" },
  "post /workspaces/{workspaceId}/api-keys": { id: "createApiKey", example: { description: "ci-production" } },
  "get /workspaces/{workspaceId}/api-keys/{keyId}": { id: "getApiKey" },
  "patch /workspaces/{workspaceId}/api-keys/{keyId}": { id: "updateApiKey", example: { description: "ci-production-eu" } },
  "delete /workspaces/{workspaceId}/api-keys/{keyId}": { id: "revokeApiKey" },
  "post /workspaces/{workspaceId}/api-keys/{keyId}/roll": { id: "rollApiKey", example: { previousSecretExpiresInSeconds: 3600 } },
  "get /workspaces/{workspaceId}/api-keys/{keyId}/usage": { id: "getApiKeyUsage", example: { range: "7d" } },
  "get /workspaces": { id: "listWorkspaces" },
  "put /workspaces/current": { id: "selectWorkspace", example: { workspaceId: "WORKSPACE_ID" } },
  "get /workspaces/{workspaceId}/audit-events": { id: "listAuditEvents", example: { limit: 50, action: "api_key.revoked" } },
  "get /workspaces/{workspaceId}/tasks": { id: "listTasks", example: { all: true } },
  "post /workspaces/{workspaceId}/tasks": { id: "createTask", example: { title: "Ship the release notes" } },
  "get /workspaces/{workspaceId}/tasks/{taskId}": { id: "getTask" },
  "patch /workspaces/{workspaceId}/tasks/{taskId}": { id: "updateTask", example: { done: true } },
  "get /workspaces/{workspaceId}/agent/activity": { id: "listAgentActivity", example: { limit: 20 } },
  "post /secret-scanning/github": { id: "reportGithubSecretScanning" },
  "post /revocations": { id: "revokeLeakedTokens", example: { tokens: ["one_…"] } },
  "get /openapi.json": { id: "getOpenApiDocument" },
};

/** Sections of the reference, in order, and the SDK class that holds each one's methods. */
export const TAGS: { name: string; description: string; sdkClass?: string; pathSegment: string }[] = [
  { name: "Tasks", pathSegment: "tasks", sdkClass: "TasksApi", description: "The workspace's tasks: what API keys read and write." },
  {
    name: "API keys",
    pathSegment: "api-keys",
    sdkClass: "ApiKeysApi",
    description: "Create, inspect and revoke the workspace's API keys (OAuth tokens of users only).",
  },
  { name: "Workspaces", pathSegment: "workspaces", sdkClass: "WorkspacesApi", description: "The workspaces the caller belongs to." },
  { name: "Audit events", pathSegment: "audit-events", sdkClass: "AuditEventsApi", description: "Who did what in the workspace." },
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

/** Readable id of an operation; derived from method and path when SDK_NAMES lacks it. */
export function operationIdFor(method: string, path: string): string {
  return (
    SDK_NAMES[`${method} ${path}`]?.id ??
    `${method}${path.replace(/\{(\w+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`
  );
}

const PATH_EXAMPLES: Record<string, string> = { workspaceId: "current", keyId: "KEY_ID", taskId: "TASK_ID" };

type SampleInput = { method: string; path: string; who: "user" | "user-or-key" | "anyone"; queryNames: string[]; hasBody: boolean };

/** `x-codeSamples` of an operation: the SDK call (when a class holds it) and curl. */
export function codeSamples(op: SampleInput, apiBaseUrl: string): { lang: string; label: string; source: string }[] {
  const id = operationIdFor(op.method, op.path);
  const example = SDK_NAMES[`${op.method} ${op.path}`]?.example ?? {};
  const pathNames = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
  const tokenVariable = op.who === "user-or-key" ? "ONE_API_KEY" : "ONE_TOKEN";

  const url = new URL(apiBaseUrl + op.path.replace(/\{(\w+)\}/g, (_m, name: string) => PATH_EXAMPLES[name] ?? name));
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(example)) {
    if (op.queryNames.includes(name)) url.searchParams.set(name, String(value));
    else body[name] = value;
  }
  const curl = [
    `curl${op.method === "get" ? "" : ` -X ${op.method.toUpperCase()}`} "${url.href}"`,
    ...(op.who === "anyone" ? [] : [`-H "Authorization: Bearer $${tokenVariable}"`]),
    ...(op.hasBody ? [`-H "Content-Type: application/json"`, `-d '${JSON.stringify(body)}'`] : []),
  ].join(" \\\n  ");

  const samples = [{ lang: "shell", label: "curl", source: curl }];
  const sdkClass = TAGS.find((tag) => tag.name === tagFor(op.path))?.sdkClass;
  if (sdkClass) {
    const params = { ...Object.fromEntries(pathNames.map((name) => [name, PATH_EXAMPLES[name] ?? name])), ...example };
    const args = Object.entries(params)
      .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
      .join(", ");
    const instance = sdkClass.charAt(0).toLowerCase() + sdkClass.slice(1, -"Api".length);
    samples.unshift({
      lang: "javascript",
      label: "SDK",
      source: [
        `import { Configuration, ${sdkClass} } from "@onehorizon/sdk-js";`,
        "",
        `const ${instance} = new ${sdkClass}(new Configuration({`,
        `  accessToken: process.env.${tokenVariable},`,
        `  basePath: "${apiBaseUrl}",`,
        "}));",
        `const result = await ${instance}.${id}({ ${args} });`,
      ].join("\n"),
    });
  }
  return samples;
}
