// The rule for short text that people read as a name: API key descriptions and task titles.
// Such text must look like what it is, so that a key named "ci-production" in the list is the
// key a person thinks it is:
//   - normalised to NFC (one spelling for "é"), then trimmed;
//   - refused: control characters and line breaks, lone surrogates, default-ignorable code
//     points (zero-width spaces and joiners, fillers such as U+3164, tag characters,
//     variation selectors) and the bidirectional controls (U+061C, U+200E, U+200F,
//     U+202A–U+202E, U+2066–U+2069: all default-ignorable too) — except the joiner and the
//     variation selectors inside emoji, where they are part of one visible picture;
//   - at least one visible character: a letter, digit, punctuation mark or symbol, not a
//     blank one (Hangul fillers, Braille blank);
//   - length counted in code points after NFC, as the dashboard's counter counts
//     (`[...value.normalize("NFC")].length`) and as JSON Schema's maxLength does.
// Client-safe: the dashboard validates with the same schemas before sending.
import "@/lib/zod-config"; // first: before any schema is built
import { z } from "zod";

/** The length people and the dashboard counter see: code points of the NFC form. */
export const textLength = (value: string): number => [...value.normalize("NFC")].length;

// The zero-width joiner between two pictographs (👩‍💻), and a variation selector after an
// emoji-capable character (❤️), are how emoji are written: keep them out of the refusal.
const EMOJI_SEQUENCE_PARTS =
  /(?<=\p{Emoji})[\uFE0E\uFE0F]|(?<=\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]?)\u200D(?=\p{Extended_Pictographic})/gu;
const FORBIDDEN = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

const hasForbiddenCharacters = (value: string): boolean => FORBIDDEN.test(value.replace(EMOJI_SEQUENCE_PARTS, ""));
const hasVisibleCharacter = (value: string): boolean => VISIBLE.test(value.replace(BLANK_LETTERS, ""));

/**
 * A zod schema for such text. `noun` names it in messages ("description", "title").
 * Parsing returns the normalised text, which is what gets stored.
 */
export function displayText(noun: string, max: number) {
  return z
    .string({ error: `Enter a ${noun}.` })
    .overwrite((value) => value.normalize("NFC").trim())
    .refine((value) => value.length > 0, { error: `Enter a ${noun}.`, abort: true })
    .refine((value) => !hasForbiddenCharacters(value), {
      error: `The ${noun} cannot contain control characters, line breaks, or invisible or direction-changing characters.`,
      abort: true,
    })
    .refine(hasVisibleCharacter, { error: `The ${noun} needs at least one visible character.`, abort: true })
    .refine((value) => textLength(value) <= max, `Keep the ${noun} to ${max} characters or fewer.`)
    .meta({ minLength: 1, maxLength: max });
}
