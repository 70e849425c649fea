// agent/activity is open to every member, but where people made changes from (their address
// and browser) is for owners and admins: members get null there.
import { describe, expect, it } from "vitest";
import { listActivity } from "@/lib/agent/activity";
import { createTask } from "@/lib/tasks/create";
import { createWorkspace, TEST_CLIENT } from "./fixtures";

describe("agent activity", () => {
  it.each([
    ["owner", TEST_CLIENT],
    ["admin", TEST_CLIENT],
    ["member", { ip: null, userAgent: null }],
  ] as const)("the %s sees where a change came from: %o", async (role, expected) => {
    const ws = await createWorkspace();
    await createTask(ws.owner, { title: "audited" });
    const { data } = await listActivity(ws[role], {});
    expect(data.map((event) => ({ action: event.action, ip: event.ip, userAgent: event.userAgent }))).toEqual([{ action: "task.created", ...expected }]);
  });
});
