// Audit events are one typed union (lib/audit-log/events.ts): every writer's events, as stored in
// a real PostgreSQL, are events of the union, and each one reads with its label and detail in the
// dashboard's words and in the CSV (the `exposed` retirement reason included).
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { updateApiKeyPolicy } from "@/lib/api-keys/policy";
import { revokeAllApiKeys } from "@/lib/api-keys/revoke-all";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { rollApiKey } from "@/lib/api-keys/roll";
import { updateApiKey } from "@/lib/api-keys/update";
import { auditEventCsvRow } from "@/lib/audit-log/csv";
import { auditEventBody } from "@/lib/audit-log/events";
import { actionLabel, eventDetail } from "@/lib/audit-log/labels";
import { listAuditEvents } from "@/lib/audit-log/list";
import { sweepRetiredSecrets } from "@/lib/jobs";
import { requestRevocations } from "@/lib/leaks/revocations";
import { createWebhookEndpoint } from "@/lib/webhooks/create";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-secret";
import { updateWebhookEndpoint } from "@/lib/webhooks/update";
import { createTask } from "@/lib/tasks/create";
import { updateTask } from "@/lib/tasks/update";
import { createWorkspace } from "./fixtures";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
beforeAll(async () => {
  ws = await createWorkspace();
  // Every writer: create, rename, roll (twice: rolled_again), a deadline the sweeper records,
  // a leaked current secret (revoked) and a leaked previous secret (retired: exposed), tasks,
  // a key policy change, a webhook endpoint's whole life, and revoke all.
  const key = await createApiKey(ws.owner, { description: "audited", expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
  await updateApiKey(ws.owner, { keyId: key.id, changes: { description: "audited, renamed" } });
  await rollApiKey(ws.owner, { keyId: key.id, options: { previousSecretExpiresInSeconds: 3600 } });
  await rollApiKey(ws.owner, { keyId: key.id, options: { previousSecretExpiresInSeconds: 0 } });
  await sweepRetiredSecrets();
  const leaked = await createApiKey(ws.owner, { description: "leaked previous" });
  await rollApiKey(ws.owner, { keyId: leaked.id, options: { previousSecretExpiresInSeconds: 3600 } });
  const revoked = await createApiKey(ws.owner, { description: "leaked current" });
  await requestRevocations({ ip: "198.51.100.40", userAgent: "vitest" }, { tokens: [leaked.secret, revoked.secret] });
  await revokeApiKey(ws.owner, { keyId: key.id });
  const endpoint = await createWebhookEndpoint(ws.owner, { url: "https://93.184.215.14/audited", enabled: false });
  await updateWebhookEndpoint(ws.owner, { endpointId: endpoint.id, changes: { description: "audited endpoint" } });
  await rotateWebhookSecret(ws.owner, { endpointId: endpoint.id });
  await deleteWebhookEndpoint(ws.owner, { endpointId: endpoint.id });
  const task = await createTask(ws.owner, { title: "audited task" });
  await updateTask(ws.owner, { taskId: task.id, changes: { done: true } });
  await updateApiKeyPolicy(ws.owner, {
    maxLifetimeDays: 90,
    defaultPermissions: null,
    requireAllowedNetworks: false,
    revokeUnusedAfterDays: null,
  });
  await createApiKey(ws.owner, { description: "revoked with all", expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
  await revokeAllApiKeys(ws.owner, { confirm: ws.workspace.slug });
});

const allEvents = async () => (await listAuditEvents(ws.owner, { limit: 100 })).data;

describe("audit events", () => {
  it("as stored, every one is an event of the union, and every action of the union was written", async () => {
    const events = await allEvents();
    const invalid = events
      .map((event) => ({ action: event.action, result: auditEventBody.safeParse({ action: event.action, metadata: event.metadata }) }))
      .filter(({ result }) => !result.success)
      .map(({ action, result }) => `${action}: ${result.error?.message}`);
    expect({
      invalid,
      actions: [...new Set(events.map((event) => event.action))].sort(),
      reasons: events.flatMap((event) => (event.action === "api_key.previous_secret_retired" ? [event.metadata.reason] : [])).sort(),
    }).toEqual({
      invalid: [],
      actions: auditEventBody.options.map((option) => option.shape.action.value).sort(),
      reasons: ["deadline", "exposed", "rolled_again"],
    });
  });

  it("read with a label, and a detail where the metadata has one, in the dashboard and the CSV alike", async () => {
    const events = await allEvents();
    const retiredByExposure = events.find((e) => e.action === "api_key.previous_secret_retired" && e.metadata.reason === "exposed")!;
    expect({
      unlabelled: events.filter((event) => actionLabel(event.action) === event.action).map((event) => event.action),
      withoutDetail: [...new Set(events.filter((event) => eventDetail(event) === null).map((event) => event.action))].sort(),
      exposedDetail: eventDetail(retiredByExposure),
      exposedCsv: auditEventCsvRow(retiredByExposure).includes(",Previous secret retired,"),
    }).toEqual({
      unlabelled: [],
      withoutDetail: ["api_key.revoked", "task.created"],
      exposedDetail: expect.stringMatching(/^one_….{4} retired: it was reported as leaked$/),
      exposedCsv: true,
    });
  });
});
