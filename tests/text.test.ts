// Key descriptions and task titles: what is shown is what is stored (lib/text.ts).
import { describe, expect, it } from "vitest";
import { descriptionSchema } from "@/lib/api-keys/schemas";
import { createTaskInput } from "@/lib/tasks/schemas";
import { textLength } from "@/lib/text";

const REFUSED_INVISIBLE = "The description cannot contain control characters, line breaks, or invisible or direction-changing characters.";

// input → what is stored, or the message a person gets
const DESCRIPTIONS: Array<[string, string, { stored: string } | { refused: string }]> = [
  ["plain", "ci-production", { stored: "ci-production" }],
  ["trimmed", "  ci-production  ", { stored: "ci-production" }],
  ["NFC: e + combining acute is stored as é", "caf\u0065\u0301", { stored: "café" }],
  ["non-Latin text", "本番-ci", { stored: "本番-ci" }],
  ["inner spaces", "ci production", { stored: "ci production" }],
  ["an emoji with a variation selector", "deploy ❤️", { stored: "deploy ❤️" }],
  ["an emoji ZWJ sequence", "👩‍💻 laptop", { stored: "👩‍💻 laptop" }],
  ["a skin-tone ZWJ sequence", "👩🏽‍🚀", { stored: "👩🏽‍🚀" }],
  ["100 emoji (200 UTF-16 units)", "😀".repeat(100), { stored: "😀".repeat(100) }],
  ["100 characters after NFC, 200 before", "e\u0301".repeat(100), { stored: "é".repeat(100) }],
  ["empty", "", { refused: "Enter a description." }],
  ["only spaces", "   ", { refused: "Enter a description." }],
  ["101 characters", "x".repeat(101), { refused: "Keep the description to 100 characters or fewer." }],
  ["101 emoji", "😀".repeat(101), { refused: "Keep the description to 100 characters or fewer." }],
  ["only a zero-width space", "\u200B", { refused: REFUSED_INVISIBLE }],
  ["only a Hangul filler", "\u3164", { refused: REFUSED_INVISIBLE }],
  ["Hangul half-width filler", "ci\uFFA0", { refused: REFUSED_INVISIBLE }],
  ["a zero-width space inside a word", "ci-pro\u200Bduction", { refused: REFUSED_INVISIBLE }],
  ["a zero-width joiner between letters", "ci-pro\u200Dduction", { refused: REFUSED_INVISIBLE }],
  ["a zero-width non-joiner", "ci\u200Cprod", { refused: REFUSED_INVISIBLE }],
  ["a word joiner", "ci\u2060prod", { refused: REFUSED_INVISIBLE }],
  ["a soft hyphen", "ci\u00ADprod", { refused: REFUSED_INVISIBLE }],
  ["a byte-order mark inside", "ci\uFEFFprod", { refused: REFUSED_INVISIBLE }],
  ["a variation selector after a letter", "ci\uFE0Fprod", { refused: REFUSED_INVISIBLE }],
  ["a tag character", "ci\u{E0041}", { refused: REFUSED_INVISIBLE }],
  ["right-to-left mark", "ci\u200Fprod", { refused: REFUSED_INVISIBLE }],
  ["left-to-right mark", "\u200Eci-prod", { refused: REFUSED_INVISIBLE }],
  ["Arabic letter mark", "ci\u061Cprod", { refused: REFUSED_INVISIBLE }],
  ["right-to-left override", "ci-\u202Edorp", { refused: REFUSED_INVISIBLE }],
  ["left-to-right embedding", "\u202Aci", { refused: REFUSED_INVISIBLE }],
  ["first-strong isolate", "ci\u2068prod\u2069", { refused: REFUSED_INVISIBLE }],
  ["a line break", "ci\nprod", { refused: REFUSED_INVISIBLE }],
  ["a tab", "ci\tprod", { refused: REFUSED_INVISIBLE }],
  ["a NUL", "ci\u0000", { refused: REFUSED_INVISIBLE }],
  ["a C1 control", "ci\u0085prod", { refused: REFUSED_INVISIBLE }],
  ["a line separator", "ci\u2028prod", { refused: REFUSED_INVISIBLE }],
  ["a lone surrogate", "ci\uD800", { refused: REFUSED_INVISIBLE }],
  ["only a Braille blank", "\u2800", { refused: "The description needs at least one visible character." }],
  ["only combining marks", "\u0301\u0301", { refused: "The description needs at least one visible character." }],
];

describe("key descriptions", () => {
  it.each(DESCRIPTIONS)("%s", (_name, input, expected) => {
    const result = descriptionSchema.safeParse(input);
    expect(result.success ? { stored: result.data } : { refused: result.error.issues[0]?.message }).toEqual(expected);
  });

  it("counts length as the dashboard counter does: code points after NFC", () => {
    expect(["😀".repeat(100), "e\u0301".repeat(100), "👩‍💻"].map(textLength)).toEqual([100, 100, 3]);
  });
});

describe("task titles follow the same rule", () => {
  it.each([
    ["a right-to-left override", "pay \u202Eecivni", false],
    ["only a zero-width space", "\u200B", false],
    ["only a Hangul filler", "\u3164", false],
    ["200 emoji", "😀".repeat(200), true],
    ["201 characters", "x".repeat(201), false],
    ["NFD text", "re\u0301sume\u0301", true],
  ] as const)("%s", (_name, title, accepted) => {
    const result = createTaskInput.safeParse({ title });
    expect({ accepted: result.success, stored: result.success ? result.data.title : undefined }).toEqual({
      accepted,
      stored: accepted ? title.normalize("NFC") : undefined,
    });
  });
});
