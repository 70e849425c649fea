// Spectral's OpenAPI and OWASP API Security rulesets over the served OpenAPI document
// (`npm run lint:openapi` lints sdk/openapi.json, the same document as /api/v1/openapi.json, kept
// current by tests/sdk-generated.test.ts). Errors fail the lint; each rule turned off below is
// turned off for named parts of the document only, with the reason beside it. Documents are
// named by file name alone, so the ruleset applies wherever the document is saved.
import { oas } from "@stoplight/spectral-rulesets";
import owasp from "@stoplight/spectral-owasp-ruleset";

const off = (...rules) => Object.fromEntries(rules.map((rule) => [rule, "off"]));

// What the server writes, never reads: the length and count limits guard what a request can make
// the server parse (request bodies, parameters), which are all bounded.
const RESPONSE_SCHEMAS = [
  "ApiKey",
  "ApiKeyWithSecret",
  "ApiKeyUsage",
  "ApiKeyPolicy",
  "AuditEvent",
  "Task",
  "Workspace",
  "WebhookEndpoint",
  "WebhookEndpointWithSecret",
  "WebhookDelivery",
  "Error",
  "ConflictError",
];
const LIST_RESPONSES = [
  "/workspaces/get",
  "/workspaces/{workspaceId}/api-keys/get",
  "/workspaces/{workspaceId}/tasks/get",
  "/workspaces/{workspaceId}/api-keys/usage/get",
  "/workspaces/{workspaceId}/api-keys/{keyId}/insights/get",
  "/workspaces/{workspaceId}/api-keys/{keyId}/addresses/get",
  "/me/get",
  "/workspaces/{workspaceId}/audit-events/get",
  "/workspaces/{workspaceId}/agent/activity/get",
  "/workspaces/{workspaceId}/webhook-endpoints/get",
  "/workspaces/{workspaceId}/webhook-endpoints/{endpointId}/test/post",
  "/workspaces/{workspaceId}/webhook-endpoints/{endpointId}/deliveries/get",
  "/workspaces/{workspaceId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry/post",
  "/secret-scanning/github/post",
  "/openapi.json/get",
];
// A path item as a JSON pointer in a URI fragment (Spectral compares `{` `}` percent-encoded).
const pointer = (path) => encodeURIComponent(path.replaceAll("~", "~0").replaceAll("/", "~1"));

const ruleset = {
  extends: [oas, owasp],
  overrides: [
    {
      // Responses are written by the server from its own rows; no client sends them.
      files: [
        ...RESPONSE_SCHEMAS.map((name) => `openapi.json#/components/schemas/${name}`),
        ...LIST_RESPONSES.map((route) => {
          const at = route.lastIndexOf("/");
          return `openapi.json#/paths/${pointer(route.slice(0, at))}/${route.slice(at + 1)}/responses`;
        }),
      ],
      rules: off("owasp:api4:2023-string-limit", "owasp:api4:2023-array-limit"),
    },
    {
      // targetId is bounded by its pattern, ^[A-Za-z0-9_-]{1,64}$ (64 characters at most).
      files: [
        `openapi.json#/paths/${pointer("/workspaces/{workspaceId}/audit-events")}/get/parameters/4`,
        `openapi.json#/paths/${pointer("/workspaces/{workspaceId}/agent/activity")}/get/parameters/4`,
      ],
      rules: off("owasp:api4:2023-string-limit"),
    },
    {
      // expiresAt must match RFC 3339's date-time pattern and is parsed as a date; the whole body
      // is at most 16 KiB, refused with 413 before it is parsed.
      files: [
        "openapi.json#/components/schemas/CreateApiKeyInput/properties/expiresAt",
        "openapi.json#/components/schemas/UpdateApiKeyInput/properties/expiresAt",
      ],
      rules: off("owasp:api4:2023-string-limit"),
    },
    {
      // GitHub's secret scanning report, in GitHub's format: the body is at most 1 MiB (413 before
      // parsing) and is read only after its signature checks out. No authentication scheme of ours
      // applies: GitHub signs each report (Github-Public-Key-Signature) instead.
      files: ["openapi.json#/paths/~1secret-scanning~1github/post"],
      rules: off(
        "owasp:api4:2023-string-limit",
        "owasp:api4:2023-array-limit",
        "owasp:api2:2023-write-restricted",
        "owasp:api4:2023-rate-limit",
      ),
    },
    {
      // Public revocation: anyone who finds a secret may revoke its key, without authentication, by
      // design. The body is at most 64 KiB (413 before parsing) with at most 1000 tokens; callers are
      // limited per address (429 with Retry-After), not per workspace, so no RateLimit fields.
      files: ["openapi.json#/paths/~1revocations/post"],
      rules: off("owasp:api4:2023-string-limit", "owasp:api2:2023-write-restricted", "owasp:api4:2023-rate-limit"),
    },
    {
      // The document itself: public and static, not rate limited.
      files: ["openapi.json#/paths/~1openapi.json/get"],
      rules: off("owasp:api4:2023-rate-limit"),
    },
    {
      // The API answers no cross-origin requests: it sends no CORS headers at all, so a browser on
      // another origin cannot read its answers (the dashboard calls it from the same origin).
      files: ["openapi.json"],
      rules: off("owasp:api8:2023-define-cors-origin"),
    },
    {
      // The committed copy names the local development server (npm start); a deployment serves the
      // document with its own AUTH_URL, which is https.
      files: ["openapi.json#/servers"],
      rules: off("owasp:api8:2023-no-server-http"),
    },
  ],
};

export default ruleset;
