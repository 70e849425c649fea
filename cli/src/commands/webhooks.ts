// one webhooks list | create | test | deliveries: where the workspace's key events are sent
// (owners and admins). `create` prints only the signing secret on stdout, like `keys create`, so
// `SECRET=$(one webhooks create --url …)` hands it straight to the receiver's configuration.
import { WebhookEndpointsApi, type WebhookEndpoint, type WebhookEndpointWithSecret } from "@onehorizon/sdk-js";
import { CliError, EXIT } from "../exit-codes.js";
import { ago, json, out, say, table } from "../output.js";
import { api, session } from "../session.js";
import { JSON_FLAG, WORKSPACE_FLAG, type Command, type Flags } from "./types.js";

const workspaceOf = (flags: Flags) => flags.workspace ?? "current";

function endpointId(positionals: string[], command: Command): string {
  const [id, ...extra] = positionals;
  if (!id || extra.length) {
    throw new CliError("Give one webhook endpoint id.", EXIT.badInput, [
      `Run \`one webhooks list\` for the ids, \`one ${command.name} --help\` for its usage.`,
    ]);
  }
  return id;
}

const describeEvents = (endpoint: WebhookEndpoint) => (endpoint.events ? endpoint.events.join(", ") : "every event type");
const describeState = (endpoint: WebhookEndpoint) =>
  endpoint.enabled ? "enabled" : `disabled${endpoint.disabledReason ? ` (${endpoint.disabledReason})` : ""}`;

/** `--events a,b` (or `--events a --events b`) as the API's list; absent: every type. */
function eventTypes(values: string[] | undefined): WebhookEndpointWithSecret["events"] | undefined {
  if (values === undefined) return undefined;
  return values.flatMap((value) => value.split(",")).map((type) => type.trim()) as NonNullable<WebhookEndpointWithSecret["events"]>;
}

export const webhooksList: Command = {
  name: "webhooks list",
  summary: "The workspace's webhook endpoints, newest first",
  options: [WORKSPACE_FLAG, JSON_FLAG],
  examples: ["one webhooks list", "one webhooks list --json | jq -r '.data[].id'"],
  run: async ({ flags }) => {
    const current = session();
    const result = await api(current, () =>
      new WebhookEndpointsApi(current.configuration).listWebhookEndpoints({ workspaceId: workspaceOf(flags) }),
    );
    if (flags.json) return json(result);
    if (result.data.length === 0) return say("No webhook endpoints yet. Add one with `one webhooks create --url https://…`.");
    out(
      table(
        ["ID", "URL", "STATE", "EVENTS", "SECRET", "CREATED"],
        result.data.map((e) => [e.id, e.url, describeState(e), e.events ? e.events.join(",") : "all", e.secretHint, ago(e.createdAt)]),
      ),
    );
  },
};

export const webhooksCreate: Command = {
  name: "webhooks create",
  summary: "Add a webhook endpoint; prints only its signing secret (shown once) on stdout",
  options: [
    ["--url <url>", "where events are POSTed: https://, and a public address (required)"],
    ["--description <text>", "what the endpoint is for, up to 100 characters"],
    ["--events <types...>", "the event types it receives, comma-separated, e.g. api_key.revoked,api_key.exposed (default: every type)"],
    WORKSPACE_FLAG,
    JSON_FLAG,
  ],
  examples: [
    "export WEBHOOK_SECRET=$(one webhooks create --url https://example.com/webhooks)",
    'one webhooks create --url https://example.com/hooks/keys --description "security alerts" --events api_key.exposed,api_key.revoked',
    "one webhooks create --url https://example.com/webhooks --json",
  ],
  run: async ({ flags, positionals }) => {
    if (flags.url === undefined || positionals.length) {
      throw new CliError("Say where to send events with --url, e.g. --url https://example.com/webhooks.", EXIT.badInput, [
        "Run `one webhooks create --help` for its usage.",
      ]);
    }
    const current = session();
    const endpoint = await api(current, () =>
      new WebhookEndpointsApi(current.configuration).createWebhookEndpoint({
        workspaceId: workspaceOf(flags),
        url: flags.url!,
        description: flags.description,
        events: eventTypes(flags.events),
      }),
    );
    if (flags.json) return json(endpoint);
    out(endpoint.secret);
    say(
      `Created webhook endpoint ${endpoint.id} for ${endpoint.url} (${describeEvents(endpoint)}). The signing secret above is shown only this once: give it to the receiver, which verifies every delivery with it. Try it with \`one webhooks test ${endpoint.id}\`.`,
    );
  },
};

export const webhooksTest: Command = {
  name: "webhooks test",
  args: ["<endpointId>"],
  summary: "Send a webhook.test event to an endpoint; prints the delivery's id",
  options: [WORKSPACE_FLAG, JSON_FLAG],
  examples: ["one webhooks test ENDPOINT_ID", "one webhooks test ENDPOINT_ID --json"],
  run: async ({ flags, positionals }) => {
    const id = endpointId(positionals, webhooksTest);
    const current = session();
    const result = await api(current, () =>
      new WebhookEndpointsApi(current.configuration).sendWebhookTestEvent({ workspaceId: workspaceOf(flags), endpointId: id }),
    );
    if (flags.json) return json(result);
    out(result.deliveryId);
    say(`Queued a webhook.test event; the first attempt starts within 5 seconds. Follow it with \`one webhooks deliveries ${id}\`.`);
  },
};

const describeResponse = (status: number | null, durationMs: number | null) =>
  status === null ? "-" : `${status}${durationMs === null ? "" : ` in ${durationMs} ms`}`;

export const webhooksDeliveries: Command = {
  name: "webhooks deliveries",
  args: ["<endpointId>"],
  summary: "An endpoint's deliveries, newest first (kept 30 days)",
  options: [
    ["--limit <n>", "how many, 1 to 100 (default 50)"],
    ["--cursor <cursor>", "the next page: the cursor the previous page gave"],
    WORKSPACE_FLAG,
    JSON_FLAG,
  ],
  examples: [
    "one webhooks deliveries ENDPOINT_ID",
    "one webhooks deliveries ENDPOINT_ID --limit 10 --json | jq -r '.data[] | select(.status == \"failed\") | .lastError'",
  ],
  run: async ({ flags, positionals }) => {
    const id = endpointId(positionals, webhooksDeliveries);
    const limit = flags.limit === undefined ? undefined : Number(flags.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100)) {
      throw new CliError(`--limit must be a whole number from 1 to 100; got "${flags.limit}".`, EXIT.badInput, [
        "Run `one webhooks deliveries --help` for its usage.",
      ]);
    }
    const current = session();
    const page = await api(current, () =>
      new WebhookEndpointsApi(current.configuration).listWebhookDeliveries({
        workspaceId: workspaceOf(flags),
        endpointId: id,
        limit,
        cursor: flags.cursor,
      }),
    );
    if (flags.json) return json(page);
    if (page.data.length === 0) return say("No deliveries to this endpoint in the last 30 days.");
    out(
      table(
        ["ID", "EVENT", "STATUS", "ATTEMPTS", "RESPONSE", "CREATED", "NEXT ATTEMPT", "LAST ERROR"],
        page.data.map((d) => [
          d.id,
          d.eventType,
          d.status,
          String(d.attempts),
          describeResponse(d.responseStatus, d.durationMs),
          ago(d.createdAt),
          d.nextAttemptAt ?? "-",
          d.lastError ?? "",
        ]),
      ),
    );
    if (page.nextCursor) say(`Older deliveries: \`one webhooks deliveries ${id} --cursor ${page.nextCursor}\`.`);
  },
};
