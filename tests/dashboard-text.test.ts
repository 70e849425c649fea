// The dashboard's text helpers: counting characters the way the server limits them, and
// times that print the same on the server and in any browser.
import { describe, expect, it } from "vitest";
import { formatExactUtc, formatRelative } from "@/components/ui/relative-time";
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

describe("times", () => {
  const now = Date.parse("2026-11-25T12:00:00.000Z");
  it("says how long ago in English whatever the machine's language", () => {
    const ago = (seconds: number) => formatRelative(new Date(now - seconds * 1000), now);
    expect([ago(5), ago(59), ago(60), ago(3 * 3600), ago(26 * 3600), ago(2 * 86400), ago(40 * 86400)]).toEqual([
      "just now",
      "just now",
      "1 minute ago",
      "3 hours ago",
      "yesterday",
      "2 days ago",
      "last month",
    ]);
  });
  it("prints the exact time in UTC, the same on every machine", () => {
    expect(formatExactUtc(new Date("2026-03-05T07:04:59.000Z"))).toBe("5 Mar 2026, 07:04 UTC");
  });
});
