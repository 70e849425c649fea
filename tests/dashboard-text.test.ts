// The dashboard's text helpers: counting characters the way the server limits them, times written
// one way (relative, rounded as the badges count; exact in the reader's zone, named; UTC), the date
// field's messages, how leak reports are worded, and the API reference sidebar's short names.
import { describe, expect, it } from "vitest";
import { resolveExpiry } from "@/components/api-keys/expiry";
import { shortName } from "@/components/api-reference/document";
import { reportedBy, reportedSecret } from "@/lib/leaks/sources";
import { formatDateField, formatExact, formatHour, formatRelative, formatUtc, formatUtcDay, timeZoneName } from "@/lib/ui/time";
import { textLength } from "@/lib/ui/browser/text-length";

describe("textLength", () => {
  it("counts code points after NFC normalisation and trimming, not UTF-16 units", () => {
    expect({
      ascii: textLength("ci-production"),
      emoji: textLength("🔑🔑"),
      decomposed: textLength("cafe\u0301"),
      trimmed: textLength("  ci  "),
      flag: textLength("🇪🇺"),
    }).toEqual({ ascii: 13, emoji: 2, decomposed: 4, trimmed: 2, flag: 2 });
  });
});

describe("formatRelative: the nearest whole unit, as the badges count", () => {
  const now = Date.parse("2026-11-25T12:00:00.000Z");
  const at = (seconds: number) => formatRelative(new Date(now + seconds * 1000), now);
  const MIN = 60;
  const HOUR = 3600;
  const DAY = 86_400;
  it.each([
    ["a moment", 5, "just now"],
    ["44 s ago", -44, "just now"],
    ["1 minute ago", -MIN, "1 minute ago"],
    ["90 s ahead", 90, "in 2 minutes"],
    ["59 minutes ahead", 59 * MIN, "in 59 minutes"],
    ["a 24-hour grace, just rolled", 24 * HOUR - 5, "in 24 hours"],
    ["a 24-hour grace, exactly", 24 * HOUR, "in 24 hours"],
    ["a 1-hour grace, just rolled", HOUR - 3, "in 1 hour"],
    ["3 hours ago", -3 * HOUR, "3 hours ago"],
    ["26 hours ago", -26 * HOUR, "1 day ago"],
    ["a 3-day key, just created", 3 * DAY - 5, "in 3 days"],
    ["a 3-day key, half a day later", 2.5 * DAY, "in 3 days"],
    ["a 7-day key", 7 * DAY - 1, "in 7 days"],
    ["a 30-day key", 30 * DAY - 1, "in 30 days"],
    ["2 days ago", -2 * DAY, "2 days ago"],
    ["a 90-day key", 90 * DAY - 1, "in 3 months"],
    ["40 days ago", -40 * DAY, "40 days ago"],
    ["a year ahead", 366 * DAY, "in 1 year"],
  ])("%s: %s s → %s", (_, seconds, expected) => {
    expect(at(seconds)).toBe(expected);
  });
  it("takes ISO strings as well as dates", () => {
    expect(formatRelative("2026-11-28T12:00:00.000Z", now)).toBe("in 3 days");
  });
});

describe("exact times: the reader's time zone, named, and UTC", () => {
  const iso = "2026-12-07T14:25:00.000Z";
  it.each([
    ["America/New_York", "Dec 7, 2026, 9:25 AM EST"],
    ["UTC", "Dec 7, 2026, 2:25 PM UTC"],
    ["Asia/Tokyo", "Dec 7, 2026, 11:25 PM GMT+9"],
    ["Europe/Berlin", "Dec 7, 2026, 3:25 PM GMT+1"],
  ])("in %s: %s", (zone, expected) => {
    expect(formatExact(iso, zone)).toBe(expected);
  });
  it("names the zone, summer time included", () => {
    expect([timeZoneName(iso, "America/New_York"), timeZoneName("2026-07-01T12:00:00Z", "America/New_York")]).toEqual(["EST", "EDT"]);
  });
  it("prints UTC the same on every machine", () => {
    expect(formatUtc(new Date("2026-03-05T07:04:59.000Z"))).toBe("Mar 5, 2026, 7:04 AM UTC");
  });
  it("labels the usage chart's hours in the reader's zone and its days by UTC day", () => {
    expect({
      hour: formatHour("2026-12-07T14:00:00.000Z", "long", "America/New_York"),
      axis: formatHour("2026-12-07T14:00:00.000Z", "short", "America/New_York"),
      day: formatUtcDay("2026-12-07T00:00:00.000Z", "long"),
    }).toEqual({ hour: "Dec 7, 9:00 AM EST", axis: "9 AM", day: "Mon, Dec 7" });
  });
});

describe("the date field's help and errors, in the format the field shows", () => {
  it.each([
    ["en-US", "12/31/2026"],
    ["en-GB", "31/12/2026"],
    ["de-DE", "31.12.2026"],
  ])("%s: %s", (locale, expected) => {
    expect(formatDateField("2026-12-31", locale)).toBe(expected);
  });
  it("says the bounds in that format", () => {
    const now = new Date(2026, 11, 7, 12, 0, 0).getTime(); // local noon
    const result = resolveExpiry("custom", "", now, "en-US");
    expect(result).toEqual({
      error: expect.stringMatching(/^Choose the day the key expires, from 12\/07\/2026 to \d{2}\/\d{2}\/\d{4}\.$/),
    });
    expect(resolveExpiry("custom", "2020-01-01", now, "en-US")).toEqual({
      error: "Choose a day from 12/07/2026 on: a key must work for at least one hour.",
    });
  });
});

describe("leak reports in words", () => {
  it("says who reported, naturally", () => {
    expect([reportedBy("GitHub secret scanning"), reportedBy("Public revocation request")]).toEqual([
      "by GitHub secret scanning",
      "through the public revocation endpoint",
    ]);
  });
  it("tells a reported current secret (revoked with the report) from a previous one", () => {
    const reportedAt = "2026-12-07T14:25:00.123Z";
    const exposure = { source: "GitHub secret scanning", url: null, reportedAt };
    expect([
      reportedSecret({ revokedAt: reportedAt, exposure }),
      reportedSecret({ revokedAt: null, exposure }),
      reportedSecret({ revokedAt: "2026-12-08T09:00:00.000Z", exposure }),
      reportedSecret({ revokedAt: null, exposure: null }),
    ]).toEqual(["current", "previous", "previous", null]);
  });
});

describe("the API reference sidebar's short names, from operation ids", () => {
  it.each([
    ["listApiKeys", "List API keys"],
    ["revokeAllApiKeys", "Revoke all API keys"],
    ["getApiKeyPolicy", "Get API key policy"],
    ["reportGithubSecretScanning", "Report GitHub secret scanning"],
    ["selectWorkspace", "Select workspace"],
    ["getMe", "Who am I"],
    ["getOpenApiDocument", "OpenAPI document"],
  ])("%s → %s", (operationId, name) => {
    expect(shortName(operationId)).toBe(name);
  });
});
