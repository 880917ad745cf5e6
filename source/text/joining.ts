/**
 * Code points that join the one before them into a grapheme, or the one after (UAX #29: Extend,
 * SpacingMark, ZWJ, Prepend, Hangul jamo, regional indicators, emoji modifiers). A text without any
 * is one grapheme per code point and needs no segmenter: most text of most scripts.
 * test/terminal/cells.test.ts checks that against Intl.Segmenter over all of Unicode.
 */
export const JOINING =
  /[\p{M}\p{Cf}\p{Cc}\u0d4e\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\uff9e\uff9f\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}]/u;
