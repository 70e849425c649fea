// The audit log's CSV: RFC 4180 quoting and the formula-injection guard, and the export operation
// (every page, the filters, the permission) against a real database.
import { describe, expect, test } from "vitest";
import { exportAuditEvents } from "@/lib/audit-log/export";
import { csvCell, csvRow } from "@/lib/audit-log/csv";
import { db } from "@/lib/db/client";
import { createWorkspace } from "./fixtures";

describe("csvCell", () => {
  test.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=cmd", "'\t=cmd"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test("null and undefined are empty, numbers are written as they are, rows end in CRLF", () => {
    expect(csvRow([null, undefined, 42, "x"])).toBe(",,42,x\r\n");
  });
});

/** Reads a whole stream as text and splits it into CSV lines (no field here holds a line break). */
async function lines(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte order mark, for spreadsheets
  return new TextDecoder().decode(bytes).split("\r\n").filter(Boolean);
}

describe("exportAuditEvents", () => {
  test("streams every page of the filtered view, newest first; members and outsiders are refused", async () => {
    const { workspace, owner, admin, member, outsider } = await createWorkspace();
    const start = Date.parse("2026-01-01T00:00:00Z");
    await db().auditEvent.createMany({
      data: Array.from({ length: 230 }, (_, i) => ({
        workspaceId: workspace.id,
        actorType: "user",
        actorUserId: owner.userId,
        actorName: owner.name,
        actorEmail: owner.email,
        action: i % 2 === 0 ? "api_key.updated" : "task.created",
        targetType: i % 2 === 0 ? "api_key" : "task",
        targetId: i % 2 === 0 ? `key-${i % 4}` : `task-${i}`,
        ip: "203.0.113.9",
        userAgent: "curl/8",
        metadata: i % 2 === 0 ? { description: `=name ${i}`, previousDescription: "old, name" } : {},
        createdAt: new Date(start + i * 1000),
      })),
    });

    const all = await lines(await exportAuditEvents(owner, {}));
    expect(all[0]).toBe("time_utc,action,what,detail,actor_type,actor,actor_email,target_type,target_id,target,ip,user_agent,event_id");
    expect(all).toHaveLength(231);
    expect(all[1]!.startsWith("2026-01-01T00:03:49.000Z,task.created,Created task,,user,")).toBe(true);
    expect(all.at(-1)!.startsWith("2026-01-01T00:00:00.000Z,api_key.updated,Changed key,")).toBe(true);
    expect(new Set(all.slice(1).map((line) => line.split(",").at(-1))).size).toBe(230);

    const filtered = await lines(await exportAuditEvents(admin, { action: "api_key.updated", targetId: "key-2" }));
    expect(filtered).toHaveLength(1 + 57);
    expect(filtered[1]).toContain(`,api_key.updated,Changed key,"From “old, name” to “=name 226”",user,`);
    expect(filtered[1]).toContain(",api_key,key-2,'=name 226,203.0.113.9,curl/8,");

    await expect(exportAuditEvents(member, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportAuditEvents(outsider, {})).rejects.toMatchObject({ code: "not_found" });
    await expect(exportAuditEvents(owner, { action: "DROP TABLE" })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
